#!/bin/bash
# alternated before/after passes of the repository's FindDocuments selection (db-find), H2 and PostgreSQL in each run
cd /tmp/perf19
for pass in 1 2; do
  for v in before after; do
    echo "=== pass $pass $v $(date -u +%H:%M:%S) load $(cut -d' ' -f1-3 /proc/loadavg)"
    java -jar $v/dmp-benchmark.jar --start-server h2,postgres --registry-size 25000 --scenarios db-find \
      --concurrency 1 --work-dir /tmp/perf19/w-$v --pg-url jdbc:postgresql://127.0.0.1:5432/perf19_$v \
      --out /tmp/perf19/results/$v-$pass > /tmp/perf19/results/$v-$pass.log 2>&1
    echo "rc=$?"
  done
done
echo "=== end $(date -u +%H:%M:%S) load $(cut -d' ' -f1-3 /proc/loadavg)"
