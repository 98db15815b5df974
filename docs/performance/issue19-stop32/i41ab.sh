#!/bin/bash
# Stop 32 (issue 19): ITI-41 and its raw insert in steady state, base build (main at 1f083ef) against ids (the two
# identifier checks of a submission in one statement). Each pass on a freshly loaded registry of 100,000 documents.
# usage: i41ab.sh <base|ids> <n>
java -jar /work/perf/new/dmp-benchmark.jar --load-only --fresh-db --registry-size 100000 --start-server postgres \
  --server-jar /work/perf/$1/dmp-gateway.jar --pg-url jdbc:postgresql://127.0.0.1:5432/i41ab --work-dir /work/perf/i41ab-load > /dev/null 2>&1
psql -h 127.0.0.1 -U postgres -d i41ab -qc "vacuum analyze"
java -jar /work/perf/new/dmp-benchmark.jar --start-server postgres --registry-size 100000 --scenarios iti41-1,db-insert \
  --concurrency 1,4 --duration 10s --warmup 3s --server-warmup 60s --server-jar /work/perf/$1/dmp-gateway.jar \
  --pg-url jdbc:postgresql://127.0.0.1:5432/i41ab --work-dir /work/perf/i41ab-$1-$2 > /work/perf/i41ab-$1-$2.log 2>&1
