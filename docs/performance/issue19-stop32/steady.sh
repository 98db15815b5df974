#!/bin/bash
# Stop 32 (issue 19): every scenario of the ratios and the peer's, at 100,000 documents on PostgreSQL,
# with a server warm-up of $1 (e.g. 90s or 0) before the measurements of each server (gateway, then peer).
# usage: steady.sh <server-warmup> <name>
PEER_REUSE_CACHED_SEARCH_RESULTS_MILLIS=0 java -jar /work/perf/new/dmp-benchmark.jar --start-server postgres --peer hapi-jpa \
  --peer-jar /work/perf/dmp-benchmark-hapi-peer.jar --registry-size 100000 \
  --scenarios http,db-insert,db-find,iti18,iti67,fhir-read,iti68,iti41-1,iti65 --targets 100,1000 --concurrency 1,4 \
  --duration 10s --warmup 3s --server-warmup $1 \
  --pg-url jdbc:postgresql://127.0.0.1:5432/read100k --peer-url jdbc:postgresql://127.0.0.1:5432/peer100k_hapi \
  --server-jar /work/perf/base/dmp-gateway.jar --work-dir /work/perf/steady-$2 > /work/perf/steady-$2.log 2>&1
