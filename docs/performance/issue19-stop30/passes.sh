#!/usr/bin/env bash
# One pass of the issue-19 ratios on the 1M registries (stop 30): build (before|after), pass number, database.
# usage: passes.sh BUILD PASS DB   (DB: postgres | h2)
# before = main at 5143157 (stop 29), after = this stop. Stop 30 ran the after build only, on the registries the
# before harness loaded (PostgreSQL bench1mpg, H2 /work/perf/wh2/h2); for a before/after pair give each build its
# own copy (CREATE DATABASE bench1mpg_after TEMPLATE bench1mpg; a copy of the H2 files) and set pg/wh below.
set -u
build=$1; pass=$2; db=$3
case $build in
  before) wd=/work/perf/w; wh=/work/perf/wh2; pg=bench1mpg ;;
  after)  wd=/work/perf/w-after; wh=/work/perf/wh2; pg=bench1mpg ;;
esac
[ "$db" = h2 ] && wd=$wh
echo "== $build $db pass $pass $(date -u +%H:%M:%S) load $(cut -d' ' -f1-3 /proc/loadavg)"
java -jar /work/perf/$build/dmp-benchmark.jar --start-server $db --registry-size 1000000 \
  --scenarios http,db-find,iti18,iti67,iti66,fhir-read,iti65,iti41-1,db-insert --targets 10,100,1000 --pages 100 \
  --concurrency 1 --duration 8s --warmup 4s --server-jar /work/perf/$build/dmp-gateway.jar --work-dir $wd \
  --pg-url jdbc:postgresql://127.0.0.1:5432/$pg --out /work/perf/results/$build-$db-$pass
echo "== end $(date -u +%H:%M:%S) load $(cut -d' ' -f1-3 /proc/loadavg)"
