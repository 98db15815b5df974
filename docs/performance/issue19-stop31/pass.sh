#!/bin/bash
# Stop 31 (issue 19). before = main at 97c452c (stop 30), after = this stop; each build's jars in /work/perf/<build>/.
# read100k: a PostgreSQL registry of 100,000 documents loaded once by the harness (--fresh-db --registry-size 100000).
# usage: pass.sh <before|after> <n>
b=$1; n=$2
java -jar /work/perf/before/dmp-benchmark.jar --start-server postgres --registry-size 100000 --scenarios fhir-read,iti67 --concurrency 1,4 --duration 8s --warmup 3s --server-jar /work/perf/$b/dmp-gateway.jar --pg-url jdbc:postgresql://127.0.0.1:5432/read100k --work-dir /work/perf/p-$b-$n > /work/perf/pass-$b-$n.log 2>&1
