#!/bin/bash
# Stop 33 (issue 19): the FHIR scenarios on the gateway and on the HAPI FHIR JPA peer (without its search cache, as at
# stops 30-32) at 100,000 documents on PostgreSQL, each server warmed up for the harness's new default (180 s).
# The gateway's registry is loaded fresh first (--load-only --fresh-db, then VACUUM ANALYZE).
# usage: steady-peer.sh <name> [build: base or fix]
java -jar /work/perf/new/dmp-benchmark.jar --load-only --fresh-db --registry-size 100000 --start-server postgres \
  --server-jar /work/perf/base/dmp-gateway.jar --pg-url jdbc:postgresql://127.0.0.1:5432/read100k \
  --work-dir /work/perf/load100k > /dev/null 2>&1
psql -h 127.0.0.1 -U postgres -d read100k -qc "vacuum analyze"
PEER_REUSE_CACHED_SEARCH_RESULTS_MILLIS=0 java -jar /work/perf/new/dmp-benchmark.jar --start-server postgres --peer hapi-jpa \
  --peer-jar /work/perf/base/dmp-benchmark-hapi-peer.jar --registry-size 100000 \
  --scenarios http,iti67,fhir-read,iti68,iti65 --targets 100,1000 --concurrency 1,4 \
  --duration 10s --warmup 3s --server-warmup 180s \
  --pg-url jdbc:postgresql://127.0.0.1:5432/read100k --peer-url jdbc:postgresql://127.0.0.1:5432/peer100k_hapi \
  --server-jar /work/perf/${2:-base}/dmp-gateway.jar --work-dir /work/perf/steady-$1 --out /work/perf/results/$1 > /work/perf/steady-$1.log 2>&1
