#!/usr/bin/env bash
# One pass: BUILD (a directory under /work/wt/iti18w-bench holding dmp-benchmark.jar and dmp-gateway.jar), NAME, extra options.
set -u
b=$1; name=$2; shift 2
cd /work/wt/iti18w-bench
echo "== $b $name $(date -u +%H:%M:%S) load $(cut -d' ' -f1-3 /proc/loadavg)"
java -jar $b/dmp-benchmark.jar --start-server postgres --registry-size 100000 --targets 100,1000 \
  --scenarios db-find,iti18 --duration 8s --warmup 4s \
  --pg-url jdbc:postgresql://127.0.0.1:5432/iti18w_100k --server-jar $b/dmp-gateway.jar --work-dir /work/wt/iti18w-bench/w \
  --out /work/wt/iti18w-bench/res/$name "$@" > /work/wt/iti18w-bench/res/$name.log 2>&1
echo "== end $(date -u +%H:%M:%S) load $(cut -d' ' -f1-3 /proc/loadavg)"
grep -E "db-find|iti18" /work/wt/iti18w-bench/res/$name.md | head -12
