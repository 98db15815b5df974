#!/usr/bin/env python3
"""Stop 34 (issue 19): a server's CPU profile (async-profiler 3.0, itimer, collapsed stacks) summed by part.
usage: profile-parts.py file.collapsed  -- inclusive share of each part (a sample counts in every part its stack
passes through, so the shares overlap), then the threads' groups (request threads, JIT compilers, GC, other)."""
import collections
import sys

PARTS = [
    ('Tomcat (the request threads)', 'org/apache/coyote'),
    ('HAPI FHIR RestfulServer.handleRequest', 'RestfulServer.handleRequest'),
    ('HAPI JSON writing (JsonParser)', 'ca/uhn/fhir/parser/JsonParser'),
    ('CXF (SOAP)', 'org/apache/cxf'),
    ('Camel (the core routes, the core inside)', 'org/apache/camel'),
    ('core: StoredQueries', 'org/dmpgateway/core/query/StoredQueries'),
    ('core: admission (AccessPolicy.admit)', 'AccessPolicy.admit'),
    ('core: trace of a read (AccessTrail.readSucceeded)', 'AccessTrail.readSucceeded'),
    ('repository: findDocuments', 'JdbcRegistryRepository.findDocuments'),
    ('repository: findAssociations', 'findAssociations'),
    ('mappings', 'org/dmpgateway/mappings'),
    ('mappings: DocumentReferenceWriter', 'DocumentReferenceWriter'),
    ('IPF validation of the request (DmpValidationProfile)', 'DmpValidationProfile.validate'),
    ('JAXB', 'org/glassfish/jaxb'),
    ('pgjdbc', 'org/postgresql'),
    ('socket writes (write system call)', '__GI_write'),
]

def group(frames):
    head = ';'.join(frames[:6])
    if 'Compile' in head or 'C2Compiler' in head or 'Compilation::' in head:
        return 'JIT compiler threads'
    if 'G1' in head:
        return 'GC threads'
    if any('org/apache/coyote' in f for f in frames):
        return 'request threads'
    return 'other'

total = 0
parts = collections.Counter()
groups = collections.Counter()
for path in sys.argv[1:]:
    for line in open(path):
        stack, n = line.rsplit(' ', 1)
        n = int(n)
        total += n
        frames = stack.split(';')
        groups[group(frames)] += n
        for name, pattern in PARTS:
            if pattern in stack:
                parts[name] += n
print('samples', total, '(itimer, 10 ms each)')
print('threads:')
for name, n in groups.most_common():
    print('  %5.1f%%  %s' % (100 * n / total, name))
print('parts (inclusive, overlapping):')
for name, n in parts.most_common():
    print('  %5.1f%%  %s' % (100 * n / total, name))
