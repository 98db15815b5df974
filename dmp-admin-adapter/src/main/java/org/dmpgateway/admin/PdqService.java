package org.dmpgateway.admin;

import jakarta.jws.WebService;
import org.dmpgateway.admin.pdq.PDQSupplierPortType;
import org.dmpgateway.admin.pdq.hl7v3.PRPAIN201305UV02;
import org.dmpgateway.admin.pdq.hl7v3.PRPAIN201306UV02;
import org.dmpgateway.model.access.AccessContext;
import org.dmpgateway.model.error.DmpException;
import org.dmpgateway.model.trail.TraceAction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;

/**
 * The DMP's "patientsPDQ" service (PDQSupplier.wsdl, IHE PDQv3) at {@code /si-dmp-server/v2/services/patientsPDQ}.
 * TD0.5 "Recherche d'un patient dans le DMP sans INS": {@code PRPA_IN201305UV02} (findCandidatesQuery)
 * asks the core for the patients matching the demographics searched and answers {@code PRPA_IN201306UV02}:
 * OK with the patients, NF when none, AE with the core's refusal otherwise (QE for a query the core
 * cannot answer as asked). The VIHF's resource-id is not used (the official example names another patient).
 */
@WebService(serviceName = "PDQSupplier_Service", portName = "PDQSupplier_Port_Soap12",
        targetNamespace = "urn:ihe:iti:pdqv3:2007", wsdlLocation = "classpath:dmp-official/wsdl/PDQSupplier.wsdl",
        endpointInterface = "org.dmpgateway.admin.pdq.PDQSupplierPortType")
public class PdqService implements PDQSupplierPortType {
    private static final Logger LOG = LoggerFactory.getLogger(PdqService.class);

    private final AdminCoreClient core;
    private final CallerIdentity identity;
    private final Td05Messages messages = new Td05Messages(Clock.systemUTC());

    public PdqService(AdminCoreClient core, CallerIdentity identity) {
        this.core = core;
        this.identity = identity;
    }

    @Override
    public PRPAIN201306UV02 findCandidatesQuery(PRPAIN201305UV02 request) {
        AccessContext caller = identity.current();
        try {
            return messages.found(request, core.searchPatients(caller, Td05Messages.search(request)));
        } catch (DmpException e) {
            LOG.info("TD0.5 refused: {}", e.getMessage());
            // a malformed message is refused here, before the core: traced all the same
            core.traceRefusal(caller, e, TraceAction.QUERY);
            return messages.refused(request, e);
        }
    }
}
