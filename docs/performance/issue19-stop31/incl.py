# Sums async-profiler collapsed stacks by frame: the share of samples whose stack holds each frame (stop 31).
# usage: python3 incl.py wall.txt [substring ...]
import sys, collections, re
f=sys.argv[1]; pats=sys.argv[2:]
tot=0; inc=collections.Counter()
for line in open(f):
    st,_,n=line.rstrip().rpartition(' '); n=int(n); tot+=n
    frames=st.split(';')
    seen=set()
    for fr in frames:
        fr2=re.sub(r'_\[.\]$','',fr)
        if fr2 in seen: continue
        seen.add(fr2); inc[fr2]+=n
print("total samples",tot)
items=[(k,v) for k,v in inc.items() if any(p in k for p in pats)] if pats else inc.most_common(80)
for k,v in sorted(items,key=lambda x:-x[1])[:90]:
    print("%6.1f%%  %s"%(100*v/tot,k[:150]))
