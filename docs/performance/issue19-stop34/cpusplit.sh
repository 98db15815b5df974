#!/bin/bash
# cpusplit.sh <name> <scenario> <threads>: 20 s of one scenario against the server of startsrv.sh; CPU seconds of the
# server, the harness and PostgreSQL over 15 s of it, the server profiled by async-profiler (itimer) meanwhile.
# Stop 34 ran `cpusplit.sh base1 fhir-read 4`, then `cpusplit.sh i41a iti41-1 1` .. `i41e` (five in a row).
PID=$(cat /work/perf/srv/pid)
ticks() { awk '{print $14+$15}' /proc/$1/stat; }
pgticks() { local t=0; for p in $(pgrep -u postgres); do t=$((t + $(awk '{print $14+$15}' /proc/$p/stat 2>/dev/null || echo 0))); done; echo $t; }
java -jar /work/perf/base/dmp-benchmark.jar --base-url http://127.0.0.1:18080 --server-pid $PID \
    --jdbc-url jdbc:postgresql://127.0.0.1:5432/read100k --jdbc-user postgres --jdbc-password '' --registry-size 100000 \
    --scenarios $2 --targets 100 --concurrency $3 --duration 20s --warmup 5s --server-warmup 0s \
    --work-dir /work/perf/c-$1 --out /work/perf/results/c-$1 > /work/perf/c-$1.log 2>&1 &
H=$!
sleep 9   # harness start + its load check + 5 s warm-up
HP=$(pgrep -f "work-dir /work/perf/c-$1")
s0=$(ticks $PID); h0=$(ticks $HP); p0=$(pgticks); t0=$(date +%s.%N)
/tmp/ap/bin/asprof -e itimer -d 15 -o collapsed -f /work/perf/c-$1.collapsed $PID > /dev/null
s1=$(ticks $PID); h1=$(ticks $HP); p1=$(pgticks); t1=$(date +%s.%N)
wait $H
echo "window $(echo "$t1 - $t0" | bc) s; CPU cores: server $(echo "scale=2; ($s1-$s0)/100/($t1-$t0)" | bc) harness $(echo "scale=2; ($h1-$h0)/100/($t1-$t0)" | bc) postgres $(echo "scale=2; ($p1-$p0)/100/($t1-$t0)" | bc)"
grep -E "^\| $2 " /work/perf/results/c-$1.md | awk -F'|' '{print $4, $7, $9}'
