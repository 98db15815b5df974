import sys, collections
cats=[('core query (admission, page SELECT, associations, trace), CamelCore.query','CamelCore.query'),
      ('  of which row mapping (RegistryRowMappers)','RegistryRowMappers'),
      ('core count (admission, COUNT), CamelCore.count','CamelCore.count'),
      ('mapping, DocumentReferenceWriter.toResource','DocumentReferenceWriter.toResource'),
      ('  of which FhirDates','FhirDates'),
      ('bundle, ResponseBundleBuilder.buildResponseBundle','ResponseBundleBuilder.buildResponseBundle'),
      ('JSON, BaseParser.encodeResourceToWriter','BaseParser.encodeResourceToWriter'),
      ('  of which Jackson ObjectMapper.writeValue','ObjectMapper.writeValue'),
      ('  of which Tomcat socket writes (NioChannel.write)','NioChannel.write'),
      ('bearer token, BearerTokenInterceptor.identify','BearerTokenInterceptor.identify')]
for f in sys.argv[1:]:
    txt=open(f).read()
    evs=[e for e in txt.split('jdk.ExecutionSample {') if 'http-nio' in e and 'ca.uhn.fhir.rest.server' in e]
    print(f, len(evs), 'samples')
    for name,key in cats:
        n=sum(1 for e in evs if key in e)
        print('  %5.1f%%  %s' % (100*n/len(evs), name))
