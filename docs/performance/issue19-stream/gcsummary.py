# Largest heap in use after a collection, and the number of full collections, of each -Xlog:gc file given.
import re, sys
for f in sys.argv[1:]:
    pauses = []
    for line in open(f):
        m = re.search(r'Pause (Young|Full|Remark|Cleanup).*?(\d+)M->(\d+)M\((\d+)M\)', line)
        if m:
            pauses.append((m.group(1), int(m.group(3))))
    print(f, 'collections', len(pauses), 'largest heap after a collection (MB)', max(p[1] for p in pauses),
          'full collections', sum(1 for p in pauses if p[0] == 'Full'))
