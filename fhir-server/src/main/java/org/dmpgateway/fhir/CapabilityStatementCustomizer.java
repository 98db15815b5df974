package org.dmpgateway.fhir;

import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Interceptor;
import ca.uhn.fhir.interceptor.api.Pointcut;
import org.hl7.fhir.instance.model.api.IBaseConformance;
import org.hl7.fhir.r4.model.CapabilityStatement;
import org.hl7.fhir.r4.model.CodeableConcept;

/**
 * Completes the CapabilityStatement HAPI generates from the registered providers (so it lists
 * exactly the interactions and search parameters the code serves): the software, the IHE MHD and
 * PDSm actors it implements, and how callers authenticate.
 */
@Interceptor
public class CapabilityStatementCustomizer {
    /** IHE MHD 4.2 Document Responder and Document Recipient. */
    static final String MHD_RESPONDER = "https://profiles.ihe.net/ITI/MHD/CapabilityStatement/IHE.MHD.DocumentResponder";
    static final String MHD_RECIPIENT = "https://profiles.ihe.net/ITI/MHD/CapabilityStatement/IHE.MHD.DocumentRecipient";

    private final String version;

    public CapabilityStatementCustomizer(String version) {
        this.version = version;
    }

    @Hook(Pointcut.SERVER_CAPABILITY_STATEMENT_GENERATED)
    public void customize(IBaseConformance generated) {
        CapabilityStatement statement = (CapabilityStatement) generated;
        statement.getSoftware().setName("DMP Gateway").setVersion(version);
        statement.getImplementation().setDescription("DMP Gateway: IHE MHD / PDSm (DMP profile) over the DMP core "
                + "routes; the same rules as the XDS.b endpoints");
        statement.getInstantiates().clear();
        statement.addInstantiates(MHD_RESPONDER);
        statement.addInstantiates(MHD_RECIPIENT);
        for (CapabilityStatement.CapabilityStatementRestComponent rest : statement.getRest()) {
            CapabilityStatement.CapabilityStatementRestSecurityComponent security = rest.getSecurity();
            security.setCors(false);
            security.addService(new CodeableConcept().setText("Bearer JWT (HS256 sandbox or RS256)"));
            security.setDescription("Every interaction but GET /metadata needs 'Authorization: Bearer <JWT>' whose "
                    + "claims are the VIHF attributes (sub, name, subject_role, structure_id, resource_id, "
                    + "purpose_of_use, access_reason); missing or invalid token: 401 with an OperationOutcome");
        }
    }
}
