#!/usr/bin/env bash
# One pass of the issue-19 ratios on the PostgreSQL registry of 1,000,000 documents (stop 31): build, pass number.
# usage: passes-1m.sh BUILD PASS   (BUILD: before = main at 97c452c, stop 30; after = this stop; jars in /work/perf/BUILD/)
# bench1mpg was loaded once by the harness: --load-only --fresh-db --registry-size 1000000 --start-server postgres.
# Both builds run on the same registry, alternated (ITI-65 and ITI-41 add a few hundred documents per pass).
set -u
build=$1; pass=$2
echo "== $build pass $pass $(date -u +%H:%M:%S) load $(cut -d' ' -f1-3 /proc/loadavg)"
java -jar /work/perf/before/dmp-benchmark.jar --start-server postgres --registry-size 1000000 \
  --scenarios http,db-find,iti18,iti67,iti66,fhir-read,iti65,iti41-1,db-insert --targets 10,100,1000 --pages 100 \
  --concurrency 1 --duration 8s --warmup 4s --server-jar /work/perf/$build/dmp-gateway.jar --work-dir /work/perf/w1m-$build \
  --pg-url jdbc:postgresql://127.0.0.1:5432/bench1mpg --out /work/perf/results/$build-1m-$pass
echo "== end $(date -u +%H:%M:%S) load $(cut -d' ' -f1-3 /proc/loadavg)"
