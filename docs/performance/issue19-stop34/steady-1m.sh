#!/bin/bash
# Stop 34 (issue 19): the ratios at 1,000,000 documents, with this stop's harness (each scenario warmed up
# until the server's compilers are quiet, up to 60 s) and 180 s of server warm-up. The registry is loaded fresh by
# the harness (--load-only --fresh-db); on PostgreSQL then VACUUM ANALYZE and a CHECKPOINT, so that no checkpoint of
# the load runs through the measurements. Server: main at 61156c5 (no product change since).
# usage: steady-1m.sh postgres|h2 <name>
db=$1; name=$2
if [ "$db" = postgres ]; then
  where="--pg-url jdbc:postgresql://127.0.0.1:5432/bench1mpg --work-dir /work/perf/w1m-pg"
else
  where="--work-dir /work/perf/w1m-h2"
fi
echo "== $db $name load start $(date -u +%H:%M:%S)"
java -jar /work/perf/new-bench.jar --load-only --fresh-db --start-server $db --registry-size 1000000 \
  --server-jar /work/perf/base/dmp-gateway.jar $where --out /work/perf/results/$name-load > /work/perf/$name-load.log 2>&1
if [ "$db" = postgres ]; then
  psql -h 127.0.0.1 -U postgres -d bench1mpg -qc "vacuum analyze"
  psql -h 127.0.0.1 -U postgres -d bench1mpg -qc "checkpoint"
fi
echo "== $db $name measure start $(date -u +%H:%M:%S) load $(cut -d' ' -f1-3 /proc/loadavg)"
java -jar /work/perf/new-bench.jar --start-server $db --registry-size 1000000 \
  --scenarios db-insert,db-find,iti18,iti67,iti66,iti41-1 --targets 100,1000 --pages 100 --concurrency 1 \
  --duration 10s --warmup 3s --server-warmup 180s --server-jar /work/perf/base/dmp-gateway.jar $where \
  --out /work/perf/results/$name > /work/perf/$name.log 2>&1
echo "== end $(date -u +%H:%M:%S) load $(cut -d' ' -f1-3 /proc/loadavg)"
