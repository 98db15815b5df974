#!/bin/bash
# Stop 33 (issue 19): the ratios at 1,000,000 documents in steady state, on PostgreSQL then on H2, with the
# harness's new default warm-up (180 s per server). The registries are loaded by the harness (--load-only --fresh-db);
# on PostgreSQL the measurement starts once the checkpoints the load caused are over ("checkpoint complete" in its log
# and none started since).
# usage: steady-1m.sh postgres|h2 <name> [build: base = main at 7d8c00f, fix = this stop's repository and health fixes]
db=$1; name=$2; build=${3:-base}
if [ "$db" = postgres ]; then
  where="--pg-url jdbc:postgresql://127.0.0.1:5432/bench1mpg --work-dir /work/perf/w1m-pg"
else
  where="--work-dir /work/perf/w1m-h2"
fi
echo "== $db $name $(date -u +%H:%M:%S) load $(cut -d' ' -f1-3 /proc/loadavg)"
java -jar /work/perf/new/dmp-benchmark.jar --start-server $db --registry-size 1000000 \
  --scenarios db-insert,db-find,iti18,iti67,iti66,iti41-1 --targets 100,1000 --pages 100 --concurrency 1 \
  --duration 10s --warmup 3s --server-warmup 180s --server-jar /work/perf/$build/dmp-gateway.jar $where \
  --out /work/perf/results/$name
echo "== end $(date -u +%H:%M:%S) load $(cut -d' ' -f1-3 /proc/loadavg)"
