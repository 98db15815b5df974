#!/bin/bash
# ITI-18 for 1,000 documents and the raw selection of the same rows, one pass per build, H2 and PostgreSQL in each run
cd /tmp/perf19
for v in after before; do
  echo "=== iti18 $v $(date -u +%H:%M:%S) load $(cut -d' ' -f1-3 /proc/loadavg)"
  java -jar $v/dmp-benchmark.jar --start-server h2,postgres --registry-size 25000 --scenarios db-find,iti18 \
    --targets 1000 --concurrency 1 --server-jar /tmp/perf19/$v/dmp-gateway.jar --work-dir /tmp/perf19/w-$v \
    --pg-url jdbc:postgresql://127.0.0.1:5432/perf19_$v --out /tmp/perf19/results/iti18-$v > /tmp/perf19/results/iti18-$v.log 2>&1
  echo "rc=$?"
done
echo "=== end $(date -u +%H:%M:%S) load $(cut -d' ' -f1-3 /proc/loadavg)"
