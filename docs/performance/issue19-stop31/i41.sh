#!/bin/bash
# Stop 31: ITI-41 and its raw insert, the first after build (after) against the one with short lists bound value by value (after2).
# usage: i41.sh <build> <n>
java -jar /work/perf/before/dmp-benchmark.jar --start-server postgres --registry-size 100000 --scenarios iti41-1,db-insert --concurrency 1,4 --duration 10s --warmup 3s --server-jar /work/perf/$1/dmp-gateway.jar --pg-url jdbc:postgresql://127.0.0.1:5432/read100k --work-dir /work/perf/i41-$1-$2 > /work/perf/i41-$1-$2.log 2>&1
