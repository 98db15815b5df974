#!/bin/bash
# Stop 31 (issue 19). before = main at 97c452c (stop 30), after = this stop; each build's jars in /work/perf/<build>/.
# read100k: a PostgreSQL registry of 100,000 documents loaded once by the harness (--fresh-db --registry-size 100000).
# usage: peer.sh <before|after> <n>
b=$1; n=$2
PEER_REUSE_CACHED_SEARCH_RESULTS_MILLIS=0 java -jar /work/perf/before/dmp-benchmark.jar --start-server postgres --peer hapi-jpa \
  --peer-jar /work/main/benchmark-hapi-peer/target/dmp-benchmark-hapi-peer.jar --registry-size 100000 \
  --scenarios iti67,fhir-read,iti68,iti65 --concurrency 1,4 --duration 8s --warmup 3s \
  --pg-url jdbc:postgresql://127.0.0.1:5432/read100k --peer-url jdbc:postgresql://127.0.0.1:5432/peer100k_hapi \
  --server-jar /work/perf/$b/dmp-gateway.jar --work-dir /work/perf/peer-$b-$n > /work/perf/peer-$b-$n.log 2>&1
