#!/bin/bash
# ITI-41 statements in PostgreSQL's log, steady state: log every statement for 3 s after 45 s of warm-up
L=/var/log/postgresql/postgresql-15-main.log
java -jar /work/perf/base/dmp-benchmark.jar --start-server postgres --registry-size 100000 --scenarios iti41-1 \
  --concurrency 1 --duration 15s --warmup 0 --server-warmup 45s --server-jar ${1:-/work/perf/base/dmp-gateway.jar} \
  --pg-url jdbc:postgresql://127.0.0.1:5432/read100k --work-dir /work/perf/pglog41 > /work/perf/pglog41.log 2>&1 &
h=$!
until grep -q "server warm-up" /work/perf/pglog41.log 2>/dev/null; do sleep 1; done
sleep 52
start=$(wc -l < $L)
psql -h 127.0.0.1 -U postgres -qc "alter system set log_min_duration_statement=0" -c "select pg_reload_conf()" >/dev/null
sleep 3
psql -h 127.0.0.1 -U postgres -qc "alter system reset log_min_duration_statement" -c "select pg_reload_conf()" >/dev/null
tail -n +$start $L > /work/perf/pglog41-statements.log
wait $h
