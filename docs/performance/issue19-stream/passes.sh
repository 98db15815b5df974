#!/bin/sh
# ITI-18 FindDocuments of 1,000 documents on H2 at 20,000 documents, server heap -Xmx512m,
# before (main 5673607) and after (branch stream), alternated; the GC log gives the heap after each collection.
cd /tmp/stream-bench
for pass in 1 2; do
  for build in before after; do
    java -jar bench.jar --start-server h2 --registry-size 20000 --targets 1000 --scenarios db-find,iti18 \
      --concurrency 1,16 --duration 15s --warmup 5s --server-jar gw-$build.jar \
      --server-jvm "-Xms512m -Xmx512m -Xlog:gc:file=/tmp/stream-bench/gc-$build-$pass.log" \
      --work-dir /tmp/stream-bench/work --out /tmp/stream-bench/$build-$pass > run-$build-$pass.log 2>&1
    echo "$build $pass exit $?" >> passes.log
  done
done
