#!/bin/bash
# Stop 32 (issue 19): the read by id at 1 thread in steady state, base (main at 1f083ef) against rel (this stop),
# eight alternated passes on the read100k registry (PostgreSQL, 100,000 documents).
# usage: readab2.sh <base|rel> <n>
java -jar /work/perf/new/dmp-benchmark.jar --start-server postgres --registry-size 100000 --scenarios fhir-read \
  --concurrency 1 --duration 10s --warmup 3s --server-warmup 40s --server-jar /work/perf/$1/dmp-gateway.jar \
  --pg-url jdbc:postgresql://127.0.0.1:5432/read100k --work-dir /work/perf/readab2-$1-$2 > /work/perf/readab2-$1-$2.log 2>&1
