#!/bin/bash
# Stop 32 (issue 19): the trivial request and the read by id as stop 31 measured them, 3 s of warm-up per scenario and
# no server warm-up (run with main's harness before --server-warmup existed; with this harness add --server-warmup 0).
# Result: short-warmup-http-read.md.
java -jar /work/perf/base/dmp-benchmark.jar --start-server postgres --registry-size 100000 --scenarios http,fhir-read \
  --concurrency 1,4 --duration 8s --warmup 3s --server-jar /work/perf/base/dmp-gateway.jar \
  --pg-url jdbc:postgresql://127.0.0.1:5432/read100k --work-dir /work/perf/b3 > /work/perf/b3.log 2>&1
