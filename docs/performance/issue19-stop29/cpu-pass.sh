#!/usr/bin/env bash
# BUILD NAME [extra server jvm]: iti18-1000 only, 1 thread, 4 s warm-up, 20 s measured; the server's CPU time
# (utime+stime of /proc/PID/stat) sampled every 0.25 s; CPU per answer = CPU of the last 20 s / answers measured.
set -u
b=$1; name=$2; jvm=${3:-"-Xms512m -Xmx2g"}
cd /work/wt/iti18w-bench
echo "== $b $name $(date -u +%H:%M:%S) load $(cut -d' ' -f1-3 /proc/loadavg)"
java -jar $b/dmp-benchmark.jar --start-server postgres --registry-size 100000 --targets 1000 --scenarios iti18 \
  --concurrency 1 --duration 20s --warmup 4s --server-jvm "$jvm" \
  --pg-url jdbc:postgresql://127.0.0.1:5432/iti18w_100k --server-jar $b/dmp-gateway.jar --work-dir /work/wt/iti18w-bench/w \
  --out res/$name > res/$name.log 2>&1 &
h=$!
pid=""
while [ -z "$pid" ] && kill -0 $h 2>/dev/null; do sleep 0.5; pid=$(grep -o "pid [0-9]*" res/$name.log | head -1 | cut -d' ' -f2); done
: > res/$name.cpu
while [ -r /proc/$pid/stat ]; do
  echo "$(date +%s.%N) $(awk '{print $14+$15}' /proc/$pid/stat 2>/dev/null)" >> res/$name.cpu; sleep 0.25
done
wait $h
req=$(grep -E "^\| iti18-1000" res/$name.md | cut -d'|' -f5 | tr -d ' ')
p50=$(grep -E "^\| iti18-1000" res/$name.md | cut -d'|' -f9 | tr -d ' ')
python3 - res/$name.cpu $req $p50 <<'PY'
import sys
rows=[l.split() for l in open(sys.argv[1]) if len(l.split())==2]
rows=[(float(t),int(c)) for t,c in rows]
end=rows[-1][0]-0.5
t1=min(rows,key=lambda r:abs(r[0]-end)); t0=min(rows,key=lambda r:abs(r[0]-(end-20)))
cpu=(t1[1]-t0[1])*10.0
req=int(sys.argv[2])
print(f"answers {req}, p50 {sys.argv[3]} ms, server CPU {cpu:.0f} ms over {t1[0]-t0[0]:.1f} s, {cpu/req:.1f} ms CPU per answer")
PY
echo "== end $(date -u +%H:%M:%S) load $(cut -d' ' -f1-3 /proc/loadavg)"
