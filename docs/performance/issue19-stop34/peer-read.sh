#!/bin/bash
# Stop 34 (issue 19): the read by id on the gateway and on the HAPI FHIR JPA peer (without its search cache, as at
# stops 30-33), 100,000 documents on PostgreSQL, each server warmed up 180 s, each scenario then warmed up until its
# server's compilers are quiet (this stop's harness). Gateway: main at 61156c5 (no product change since).
java -jar /work/perf/new-bench.jar --load-only --fresh-db --registry-size 100000 --start-server postgres \
  --server-jar /work/perf/base/dmp-gateway.jar --pg-url jdbc:postgresql://127.0.0.1:5432/peer100k \
  --work-dir /work/perf/load-peer > /dev/null 2>&1
psql -h 127.0.0.1 -U postgres -d peer100k -qc "vacuum analyze"
psql -h 127.0.0.1 -U postgres -d peer100k -qc "checkpoint"
PEER_REUSE_CACHED_SEARCH_RESULTS_MILLIS=0 java -jar /work/perf/new-bench.jar --start-server postgres --peer hapi-jpa \
  --peer-jar /work/perf/peer.jar --registry-size 100000 \
  --scenarios http,fhir-read --targets 100 --concurrency 1,4 --duration 10s --warmup 3s --server-warmup 180s \
  --pg-url jdbc:postgresql://127.0.0.1:5432/peer100k --peer-url jdbc:postgresql://127.0.0.1:5432/peer100k_hapi \
  --server-jar /work/perf/base/dmp-gateway.jar --work-dir /work/perf/peer-read --out /work/perf/results/peer-read > /work/perf/peer-read.log 2>&1
