#!/usr/bin/env bash
# One pass of the issue-19 ratios on the PostgreSQL 1M registry: build (before|after), pass number, registry size.
# usage: lead-passes.sh BUILD PASS SIZE
# before = main at 5c2168c (stop 28), after = this stop's merge; each build reads its own copy of the same
# registry (bench1mpg loaded by the before harness; bench1mpg_after = CREATE DATABASE ... TEMPLATE bench1mpg).
set -u
build=$1; pass=$2; size=$3
case $build in
  before) wd=/work/perf/w; pg=bench1mpg ;;
  after)  wd=/work/perf/w-after; pg=bench1mpg_after ;;
esac
echo "== $build pass $pass $(date -u +%H:%M:%S) load $(cut -d' ' -f1-3 /proc/loadavg)"
java -jar /work/perf/$build/dmp-benchmark.jar --start-server postgres --registry-size $size \
  --scenarios db-find,iti18,iti67,iti66,fhir-read,iti65,iti41-1,db-insert --targets 10,100,1000 --pages 100 \
  --concurrency 1 --duration 8s --warmup 4s --server-jar /work/perf/$build/dmp-gateway.jar --work-dir $wd \
  --pg-url jdbc:postgresql://127.0.0.1:5432/$pg --out /work/perf/results/$build-postgres-$pass
echo "== end $(date -u +%H:%M:%S) load $(cut -d' ' -f1-3 /proc/loadavg)"
