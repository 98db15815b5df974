#!/bin/bash
# Stop 32 (issue 19): ITI-41 at 1 thread in nine consecutive windows of 10 s from the server's start, no warm-up at all:
# the rate and the CPU the server's JIT compilers use in each window (result: iti41-windows.md).
java -jar /work/perf/new/dmp-benchmark.jar --start-server postgres --registry-size 100000 --scenarios iti41-1 \
  --concurrency 1,1,1,1,1,1,1,1,1 --duration 10s --warmup 0 --server-warmup 0 --server-jar /work/perf/base/dmp-gateway.jar \
  --pg-url jdbc:postgresql://127.0.0.1:5432/read100k --work-dir /work/perf/b9 > /work/perf/b9.log 2>&1
