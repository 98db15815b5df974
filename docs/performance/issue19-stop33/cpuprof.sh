#!/bin/bash
# CPU profile (itimer, every thread) of the server in steady state: attached after 60 s of server warm-up for $2 s
# usage: cpuprof.sh <scenario> <seconds> <name> [server jar]
jar=${4:-/work/perf/base/dmp-gateway.jar}
java -jar /work/perf/base/dmp-benchmark.jar --start-server postgres --registry-size 100000 --scenarios $1 \
  $EXTRA --concurrency 1 --duration $(( $2 + 10 ))s --warmup 0 --server-warmup 60s --server-jar $jar \
  --pg-url jdbc:postgresql://127.0.0.1:5432/read100k --work-dir /work/perf/cpu-$3 > /work/perf/cpu-$3.log 2>&1 &
h=$!
until grep -q "pid " /work/perf/cpu-$3.log 2>/dev/null; do sleep 1; done
pid=$(grep -o "pid [0-9]*" /work/perf/cpu-$3.log | head -1 | cut -d' ' -f2)
until grep -q "server warm-up" /work/perf/cpu-$3.log; do sleep 1; done
sleep 65
/tmp/ap/bin/asprof start -e itimer -i 1ms -o collapsed -f /work/perf/cpu-$3.txt $pid
sleep $2
/tmp/ap/bin/asprof stop -o collapsed -f /work/perf/cpu-$3.txt $pid
wait $h
