#!/bin/bash
# Stop 32 (issue 19): the read by id and ITI-67 pages of 100 in steady state, base build (main at 1f083ef) against rel
# (an entry's relationships joined to its selection, and the identifier checks in one statement).
# read100k: the PostgreSQL registry of 100,000 documents loaded by the harness.
# usage: readab.sh <base|rel> <n>
java -jar /work/perf/new/dmp-benchmark.jar --start-server postgres --registry-size 100000 --scenarios fhir-read,iti67 \
  --targets 1000 --pages 100 --concurrency 1,4 --duration 10s --warmup 3s --server-warmup 60s \
  --server-jar /work/perf/$1/dmp-gateway.jar --pg-url jdbc:postgresql://127.0.0.1:5432/read100k \
  --work-dir /work/perf/readab-$1-$2 > /work/perf/readab-$1-$2.log 2>&1
