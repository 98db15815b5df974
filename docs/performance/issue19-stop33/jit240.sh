#!/bin/bash
# Stop 33 (issue 19): how long the server's JIT compilers work under ITI-41 alone: 240 s of server warm-up with
# HotSpot's -XX:+PrintCompilation, then 10 s measured (result iti41-240s-warmup.md); the compilations and the
# methods "made not entrant" (deoptimized) are counted per 30 s window of the server's life from its log.
java -jar /work/perf/base/dmp-benchmark.jar --start-server postgres --registry-size 100000 --scenarios iti41-1 \
  --concurrency 1 --duration 10s --warmup 0 --server-warmup 240s --server-jar /work/perf/base/dmp-gateway.jar \
  --server-jvm "-Xms512m -Xmx2g -XX:+PrintCompilation" --pg-url jdbc:postgresql://127.0.0.1:5432/read100k \
  --work-dir /work/perf/jit240 > /work/perf/jit240.log 2>&1
python3 - <<'PY' > jit240-compilations.txt
import re, collections
comp = collections.Counter(); deopt = collections.Counter(); c2 = collections.Counter()
for l in open('/work/perf/jit240/server-postgres.log'):
    m = re.match(r'\s*(\d+)\s+\d+\s+([%sbn!]*)\s*(\d)\s', l)
    if not m:
        continue
    w = int(m.group(1)) // 30000
    comp[w] += 1
    if 'made not entrant' in l:
        deopt[w] += 1
    if m.group(3) == '4':
        c2[w] += 1
print('server time (s) | compilation lines | of which made not entrant | C2 (level 4)')
for w in sorted(comp):
    print('%d-%d | %d | %d | %d' % (w * 30, w * 30 + 30, comp[w], deopt[w], c2[w]))
PY
