package org.dmpgateway.admin;

import jakarta.jws.WebService;
import org.apache.cxf.binding.soap.SoapFault;
import org.dmpgateway.admin.gdp.GDPPortType;
import org.dmpgateway.admin.gdp.PRPAIN201311UV02ResponseType;
import org.dmpgateway.admin.gdp.PRPAIN201314UV02ResponseType;
import org.dmpgateway.admin.hl7v3.PRPAIN201307UV02;
import org.dmpgateway.admin.hl7v3.PRPAIN201308UV02;
import org.dmpgateway.admin.hl7v3.PRPAIN201311UV02;
import org.dmpgateway.admin.hl7v3.PRPAIN201314UV02;
import org.dmpgateway.model.access.AccessContext;
import org.dmpgateway.model.access.RecordStatus;
import org.dmpgateway.model.error.DmpErrorCode;
import org.dmpgateway.model.error.DmpException;
import org.dmpgateway.model.PatientRecordState;
import org.dmpgateway.model.PatientRef;
import org.dmpgateway.model.trail.TraceAction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;

/**
 * The DMP's "patients" service (GestionDossierPatientPartage.wsdl, portType GDP_PortType) at
 * {@code /si-dmp-server/v2/services/patients}. TD0.2 ({@code PRPA_IN201307UV02}, reasonCode
 * TEST_EXST, and TD1.3a's CNSLT_DATA) asks the core for the record's status and answers
 * {@code PRPA_IN201308UV02}: OK with the patient active or terminated (closure date and reason),
 * the caller's AUTORISATION and STATUT_MT; NF when there is no record (none, or not yet: NOTIFIED);
 * AE with the core's refusal otherwise. TD1.3b / TD1.4 ({@code PRPA_IN201314UV02}, reasonCode MODIF_DATA /
 * FERM): the core changes the record's administrative data or closes it. TD1.1 (creation) and TD1.2
 * (reactivation) are not served (docs/dmp-admin-services.md).
 */
@WebService(serviceName = "GDP_Service", portName = "GDP_Binding_Soap12", targetNamespace = "asip:ci-sis:gdp:2010",
        wsdlLocation = "classpath:dmp-official/wsdl/GestionDossierPatientPartage.wsdl",
        endpointInterface = "org.dmpgateway.admin.gdp.GDPPortType")
public class GdpService implements GDPPortType {
    private static final Logger LOG = LoggerFactory.getLogger(GdpService.class);

    private final AdminCoreClient core;
    private final CallerIdentity identity;
    private final Td02Messages messages = new Td02Messages(Clock.systemUTC());
    private final Td13Messages revisions = new Td13Messages(Clock.systemUTC());

    public GdpService(AdminCoreClient core, CallerIdentity identity) {
        this.core = core;
        this.identity = identity;
    }

    @Override
    public PRPAIN201308UV02 patientGetDemographicsPRPAIN201307UV02(PRPAIN201307UV02 request) {
        AccessContext caller = identity.current();
        try {
            PatientRef requested = Td02Messages.requestedPatient(request);
            RecordStatus status = core.recordStatus(caller, requested);
            if (status.state() == PatientRecordState.NOTIFIED) {
                return messages.notFound(request);
            }
            return messages.found(request, status);
        } catch (DmpException e) {
            if (e.code() == DmpErrorCode.UNKNOWN_PATIENT || e.code() == DmpErrorCode.DMP_UNKNOWN) {
                return messages.notFound(request);
            }
            LOG.info("TD0.2 refused: {}", e.getMessage());
            return messages.refused(request, e);
        }
    }

    /**
     * TD1.3b (reasonCode MODIF_DATA) and TD1.4 (FERM): the core changes the record's administrative
     * data or closes it; {@code PRPA_IN201315UV02} when done, {@code PRPA_IN201316UV02} with the refusal
     * otherwise (TD1.2's REAC too: not served).
     */
    @Override
    public PRPAIN201314UV02ResponseType patientRevisePRPAIN201314UV02(PRPAIN201314UV02 request) {
        AccessContext caller = identity.current();
        try {
            RecordStatus status = core.revise(caller, Td13Messages.revision(request), Td13Messages.requestedPatient(request));
            return revisions.accepted(request, status);
        } catch (DmpException e) {
            LOG.info("TD1.3b / TD1.4 refused: {}", e.getMessage());
            // a malformed message is refused here, before the core: traced all the same
            core.traceRefusal(caller, e, Td13Messages.isClosure(request) ? TraceAction.CLOSE_RECORD : TraceAction.UPDATE_RECORD);
            return revisions.refused(request, e);
        }
    }

    @Override
    public PRPAIN201311UV02ResponseType patientAddPRPAIN201311UV02(PRPAIN201311UV02 request) {
        throw notServed("PRPA_IN201311UV02 (TD1.1 creation)");
    }

    static SoapFault notServed(String what) {
        return CallerIdentity.fault(new DmpException(DmpErrorCode.METADATA_ERROR, what
                + " is not served by this DMP Gateway (docs/dmp-admin-services.md)", "Action"));
    }
}
