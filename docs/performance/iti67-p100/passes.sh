#!/bin/sh
# passes.sh <before|after1> <n>: one pass of the ITI-67 pages of 100 and db-find on the 100k PostgreSQL registry
cd /work/wt/iti67p-bench
java -jar before/dmp-benchmark.jar --start-server postgres --pg-url jdbc:postgresql://127.0.0.1:5432/iti67p_100k \
  --server-jar $1/dmp-gateway.jar --work-dir /work/wt/iti67p-bench --registry-size 100000 \
  --scenarios db-find,iti67,fhir-read --targets 100,1000 --pages 100 --concurrency 1 --duration 8s --warmup 4s \
  --out /work/wt/iti67p-bench/pass-$1-$2 > pass-$1-$2.log 2>&1
