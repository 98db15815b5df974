package org.dmpgateway.fhir.audit;

import ca.uhn.fhir.rest.annotation.Count;
import ca.uhn.fhir.rest.annotation.RequiredParam;
import ca.uhn.fhir.rest.annotation.Search;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.param.ReferenceParam;
import ca.uhn.fhir.rest.server.IResourceProvider;
import org.dmpgateway.model.Core;
import org.dmpgateway.fhir.identity.BearerTokenInterceptor;
import org.dmpgateway.mappings.fhir.audit.AuditEventMapper;
import org.dmpgateway.mappings.fhir.search.SearchTokens;
import org.dmpgateway.model.PatientRef;
import org.dmpgateway.model.trail.AccessTrace;
import org.hl7.fhir.r4.model.AuditEvent;
import org.springframework.stereotype.Component;

import java.util.List;

/**
 * The record's access history as AuditEvents, newest first: {@code GET AuditEvent?patient=Patient/<id>}
 * (or {@code patient.identifier=system|INS}), {@code _count} at most {@value #MAX_COUNT}. The core
 * (READ_TRACES) lets in the patient themself and the record's admin doctor only, and traces the
 * reading itself.
 */
@Component
public class AuditEventProvider implements IResourceProvider {
    static final int DEFAULT_COUNT = 100;
    static final int MAX_COUNT = 500;

    private final Core core;

    public AuditEventProvider(Core core) {
        this.core = core;
    }

    @Override
    public Class<AuditEvent> getResourceType() {
        return AuditEvent.class;
    }

    @Search
    public List<AuditEvent> search(@RequiredParam(name = AuditEvent.SP_PATIENT) ReferenceParam patient,
                                   @Count Integer count, RequestDetails request) {
        PatientRef requested = SearchTokens.patient(patient);
        int limit = count == null || count <= 0 ? DEFAULT_COUNT : Math.min(count, MAX_COUNT);
        List<AccessTrace> traces = core.readTraces(requested, limit, BearerTokenInterceptor.caller(request));
        return traces.stream().map(AuditEventMapper::toResource).toList();
    }
}
