#!/bin/bash
# startsrv.sh <jar>: the gateway on 18080 on read100k, as the harness starts it
cd /work/perf
nohup java -Xms512m -Xmx2g -jar $1 --server.port=18080 --server.address=127.0.0.1 --dmp.sandbox=true --spring.datasource.url=jdbc:postgresql://127.0.0.1:5432/read100k --spring.datasource.username=postgres --spring.datasource.password= --dmp.data-dir=/work/perf/srv/data --management.endpoints.web.exposure.include=health,info,metrics --dmp.messaging.enabled=false --dmp.hl7v2.enabled=false > srv/server.log 2>&1 &
echo $! > srv/pid
for i in $(seq 1 60); do sleep 2; curl -sf 127.0.0.1:18080/actuator/health >/dev/null && break; done
curl -s 127.0.0.1:18080/actuator/health
