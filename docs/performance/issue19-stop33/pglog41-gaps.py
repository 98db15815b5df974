# Stop 33: the statements of ITI-41 submissions in PostgreSQL's log (pglog41.sh): for each pair of consecutive
# statements of one connection, the time between their log lines (each written at the statement's end), and each
# statement's own duration. usage: python3 pglog41-gaps.py pglog41-statements.log
import re, statistics, collections, sys
ev = []
for l in open(sys.argv[1]):
    if ' LOG:  duration' not in l:
        continue
    m = re.match(r'\S+ (\d+):(\d+):([\d.]+) UTC \[(\d+)\].*duration: ([\d.]+) ms  (\w+)(?: (S_\d+))?', l)
    if not m:
        continue
    h, mi, s, pid, d, kind, st = m.groups()
    t = (int(h) * 3600 + int(mi) * 60 + float(s)) * 1000
    ev.append((t, pid, float(d), kind, st or l.split('statement: ')[-1].strip()[:10]))
gaps = collections.defaultdict(list); durs = collections.defaultdict(list); prev = {}
for t, pid, d, kind, st in ev:
    if kind == 'bind':
        continue
    if pid in prev:
        gaps[(prev[pid][1], st)].append(t - prev[pid][0])
    prev[pid] = (t, st)
    durs[st].append(d)
print('between the log lines of (statement, next statement): count, p50 ms, mean ms (log times are whole ms)')
for k, v in sorted(gaps.items(), key=lambda kv: -sum(kv[1])):
    if len(v) > 50:
        print(k, len(v), 'p50 %.2f mean %.2f' % (statistics.median(v), statistics.mean(v)))
print('\nexecution of each statement: count, p50 ms, mean ms')
for k, v in durs.items():
    if len(v) > 50:
        print(k, len(v), 'p50 %.3f mean %.3f' % (statistics.median(v), statistics.mean(v)))
