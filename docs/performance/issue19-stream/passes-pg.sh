#!/bin/sh
# The same on PostgreSQL (its own database stream_bench), one pass each, 16 threads only.
cd /tmp/stream-bench
for build in before after; do
  java -jar bench.jar --start-server postgres --pg-url jdbc:postgresql://127.0.0.1:5432/stream_bench \
    --registry-size 20000 --targets 1000 --scenarios db-find,iti18 --concurrency 16 --duration 15s --warmup 5s \
    --server-jar gw-$build.jar --server-jvm "-Xms512m -Xmx512m -Xlog:gc:file=/tmp/stream-bench/gc-pg-$build.log" \
    --work-dir /tmp/stream-bench/work-pg --out /tmp/stream-bench/pg-$build > run-pg-$build.log 2>&1
  echo "pg $build exit $?" >> passes.log
done
