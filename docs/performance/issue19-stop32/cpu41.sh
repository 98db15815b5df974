#!/bin/bash
# Stop 32 (issue 19): where the server's CPU goes over a whole ITI-41 run (startup, 8 s of warm-up, 12 s measured),
# async-profiler 3.0 loaded at the JVM's start (event=itimer, every thread), then the same run after 60 s of warm-up
# without the profiler. Results: iti41-8s-warmup-profiled.md, iti41-60s-warmup.md, cpu-i41-groups.txt.
# (Run with main's harness, before --server-warmup existed: the per-scenario --warmup was the only warm-up.)
java -jar /work/perf/base/dmp-benchmark.jar --start-server postgres --registry-size 100000 --scenarios iti41-1 \
  --concurrency 1 --duration 12s --warmup 8s --server-jar /work/perf/base/dmp-gateway.jar \
  --server-jvm "-Xms512m -Xmx2g -agentpath:/tmp/ap/libasyncProfiler.so=start,event=itimer,interval=1ms,collapsed,file=/work/perf/cpu-i41.txt" \
  --pg-url jdbc:postgresql://127.0.0.1:5432/read100k --work-dir /work/perf/b6 > /work/perf/b6.log 2>&1
java -jar /work/perf/base/dmp-benchmark.jar --start-server postgres --registry-size 100000 --scenarios iti41-1 \
  --concurrency 1 --duration 12s --warmup 60s --server-jar /work/perf/base/dmp-gateway.jar \
  --pg-url jdbc:postgresql://127.0.0.1:5432/read100k --work-dir /work/perf/b7 > /work/perf/b7.log 2>&1
# the groups: a stack with AbstractHTTPServlet.service is a request; SpringApplication.run the startup; a stack
# through CompileBroker or C2Compiler the JIT; G1/GC frames the collector
python3 - <<'PY' > cpu-i41-groups.txt
import collections
tot=0; groups=collections.Counter()
for line in open('/work/perf/cpu-i41.txt'):
    st,_,n=line.rstrip().rpartition(' '); n=int(n); tot+=n
    if 'AbstractHTTPServlet.service' in st: g='request threads'
    elif 'SpringApplication.run' in st: g='startup'
    elif 'CompileBroker' in st or 'C2Compiler' in st: g='JIT compilers'
    elif 'G1' in st or 'GC' in st.split(';')[0]: g='garbage collector'
    else: g='other'
    groups[g]+=n
print('samples (1 ms of CPU each):', tot)
for k,v in groups.most_common(): print('%6d %5.1f%%  %s' % (v, 100*v/tot, k))
PY
