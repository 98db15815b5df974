#!/bin/bash
# ab.sh <name> [extra harness options]: the issue-19 ratios and the read at 100,000 documents on PostgreSQL, fresh registry,
# the server started by the harness (180 s of server warm-up), with this stop's harness
name=$1; shift
java -jar /work/perf/new-bench.jar --load-only --fresh-db --registry-size 100000 --start-server postgres \
  --server-jar /work/perf/base/dmp-gateway.jar --pg-url jdbc:postgresql://127.0.0.1:5432/ab100k --work-dir /work/perf/load-ab > /dev/null 2>&1
psql -h 127.0.0.1 -U postgres -d ab100k -qc "vacuum analyze"
psql -h 127.0.0.1 -U postgres -d ab100k -qc "checkpoint"
java -jar /work/perf/new-bench.jar --start-server postgres --registry-size 100000 \
  --scenarios db-insert,db-find,iti18,iti67,iti66,iti41-1,fhir-read --targets 100,1000 --pages 100 --concurrency 1 \
  --duration 10s --warmup 3s --pg-url jdbc:postgresql://127.0.0.1:5432/ab100k --server-jar /work/perf/base/dmp-gateway.jar \
  --work-dir /work/perf/ab-$name --out /work/perf/results/ab-$name "$@" > /work/perf/ab-$name.log 2>&1
