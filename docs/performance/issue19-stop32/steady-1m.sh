#!/bin/bash
# Stop 32 (issue 19): the ratios at 1,000,000 documents on PostgreSQL in steady state, this stop's build.
# The registry is loaded by the harness (--load-only --fresh-db), then measured after 60 s of server warm-up.
java -jar /work/perf/new/dmp-benchmark.jar --load-only --fresh-db --registry-size 1000000 --start-server postgres \
  --server-jar /work/perf/final/dmp-gateway.jar --pg-url jdbc:postgresql://127.0.0.1:5432/bench1mpg \
  --work-dir /work/perf/load1m > /work/perf/load1m.log 2>&1
psql -h 127.0.0.1 -U postgres -d bench1mpg -qc "vacuum analyze"
java -jar /work/perf/new/dmp-benchmark.jar --start-server postgres --registry-size 1000000 \
  --scenarios db-insert,db-find,iti18,iti67,iti41-1 --targets 100,1000 --pages 100 --concurrency 1 \
  --duration 10s --warmup 3s --server-warmup 60s --server-jar /work/perf/final/dmp-gateway.jar \
  --pg-url jdbc:postgresql://127.0.0.1:5432/bench1mpg --work-dir /work/perf/steady-1m > /work/perf/steady-1m.log 2>&1
# then ITI-41 and its raw insert again (result steady-1m-i41.md):
# java -jar /work/perf/new/dmp-benchmark.jar --start-server postgres --registry-size 1000000 --scenarios db-insert,iti41-1 \
#   --concurrency 1 --duration 10s --warmup 3s --server-warmup 60s --server-jar /work/perf/final/dmp-gateway.jar \
#   --pg-url jdbc:postgresql://127.0.0.1:5432/bench1mpg --work-dir /work/perf/steady-1m-i41
