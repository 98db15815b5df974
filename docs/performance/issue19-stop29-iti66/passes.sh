#!/bin/sh
# usage: passes.sh before|after N  -- one pass of db-find + iti66 on the iti66_100k PostgreSQL registry
cd /work/wt/iti66-bench
java -jar $1/dmp-benchmark.jar --scenarios db-find,iti66 --targets 100,1000 --concurrency 1 --duration 8s --warmup 4s \
  --start-server postgres --pg-url jdbc:postgresql://127.0.0.1:5432/iti66_100k --server-jar $1/dmp-gateway.jar \
  --work-dir /work/wt/iti66-bench/work --registry-size 100000 --out /work/wt/iti66-bench/$1-$2 > $1-$2.log 2>&1
