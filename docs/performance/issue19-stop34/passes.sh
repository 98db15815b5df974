#!/bin/bash
# passes.sh <name> <n> <first-warmup>: n passes of http + fhir-read at 1 and 4 threads against the server on 18080
PID=$(cat /work/perf/srv/pid)
for i in $(seq 1 $2); do
  W=0s; [ $i = 1 ] && W=$3
  java -jar /work/perf/base/dmp-benchmark.jar --base-url http://127.0.0.1:18080 --server-pid $PID \
    --jdbc-url jdbc:postgresql://127.0.0.1:5432/read100k --jdbc-user postgres --jdbc-password '' --registry-size 100000 \
    --scenarios http,fhir-read --targets 100 --concurrency 1,4 --duration 10s --warmup 3s --server-warmup $W \
    --work-dir /work/perf/p-$1-$i --out /work/perf/results/$1-$i > /work/perf/p-$1-$i.log 2>&1
  echo "pass $i $(date +%T): $(grep -E '^\| (http|fhir-read) ' /work/perf/results/$1-$i.md | awk -F'|' '{printf "%s/%s %s/s p50 %s; ", $2,$4,$7,$9}')"
done
