package org.dmpgateway.admin;

import jakarta.jws.WebService;
import org.dmpgateway.admin.patients.DateTypeEnum;
import org.dmpgateway.admin.patients.PatientIdentifierListData;
import org.dmpgateway.admin.patients.PatientListData;
import org.dmpgateway.admin.patients.PatientListDataResponse;
import org.dmpgateway.admin.patients.PatientSpecificEndPoint;
import org.dmpgateway.model.PatientRecord;
import org.dmpgateway.model.access.AccessContext;
import org.dmpgateway.model.access.AuthorisedRecord;
import org.dmpgateway.model.access.RecordListing;
import org.dmpgateway.model.error.DmpException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Instant;

/**
 * The DMP's "patientsSpecific" service (PatientsSpecific.wsdl) at
 * {@code /si-dmp-server/v2/services/patientsSpecific}. TD0.4 {@code patientList}: the records the
 * caller is authorised on, with his authorisation given ({@code dateType} LASTAUTORIZATION, the
 * default) or a document added (LASTDOC) since {@code startDate}; the core decides which. The VIHF's
 * resource-id is not used (S1 sends one all the same). {@code psOwnerId} (2024 WSDL) has no public
 * meaning: it goes to the core as the owner of the records asked for, and the core refuses another
 * professional than the caller. Answers {@code DMPOk}, or
 * the core's refusal code and reason in {@code status} / {@code context}.
 */
@WebService(serviceName = "PatientSpecificEndPointImplService", portName = "PatientSpecificEndPointImplPort",
        targetNamespace = "urn:si-dmp-patients", wsdlLocation = "classpath:dmp-official/wsdl/PatientsSpecific.wsdl",
        endpointInterface = "org.dmpgateway.admin.patients.PatientSpecificEndPoint")
public class PatientsSpecificService implements PatientSpecificEndPoint {
    private static final Logger LOG = LoggerFactory.getLogger(PatientsSpecificService.class);

    private final AdminCoreClient core;
    private final CallerIdentity identity;

    public PatientsSpecificService(AdminCoreClient core, CallerIdentity identity) {
        this.core = core;
        this.identity = identity;
    }

    @Override
    public PatientListDataResponse patientList(String startDate, DateTypeEnum dateType, String psOwnerId) {
        AccessContext caller = identity.current();
        PatientListDataResponse answer = new PatientListDataResponse();
        try {
            Instant since = DmpWireValues.parseTime(startDate, "startDate");
            RecordListing listing = dateType == DateTypeEnum.LASTDOC ? RecordListing.DOCUMENTS_SINCE
                    : RecordListing.AUTHORISED_SINCE;
            for (AuthorisedRecord r : core.authorisedRecords(caller, listing, since, psOwnerId)) {
                answer.getPatientlistData().add(row(r));
            }
            answer.setStatus(HabilitationsService.OK);
        } catch (DmpException e) {
            LOG.info("TD0.4 refused: {}", e.getMessage());
            answer.setStatus(e.code().name());
            answer.setContext(DmpWireValues.reason(e));
        }
        return answer;
    }

    /** One record in the layout of the official TD0.4 answer. */
    static PatientListData row(AuthorisedRecord r) {
        PatientRecord record = r.record();
        PatientListData row = new PatientListData();
        PatientIdentifierListData ins = new PatientIdentifierListData();
        ins.setNationalId(record.ins().id());
        ins.setNationalIdType(record.ins().authority());
        row.getPatientIdentifier().add(ins);
        row.setLastName(record.familyName());
        row.setFirstName(record.givenName());
        row.setDateOfBirth(DmpWireValues.date(record.birthDate()));
        row.setMT(r.treatingDoctor());
        // "message": its meaning is not public (docs/dmp-admin-services.md); false, as in every official row
        row.setMessage(false);
        row.setLastAccessDate(DmpWireValues.time(r.lastAccessAt()));
        row.setLastUpdateDate(DmpWireValues.time(r.lastUpdateAt()));
        row.setLastAddDate(DmpWireValues.time(r.lastAddAt()));
        return row;
    }
}
