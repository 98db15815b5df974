package org.dmpgateway.admin;

import org.dmpgateway.model.Core;
import org.dmpgateway.model.PatientRef;
import org.dmpgateway.model.access.AccessContext;
import org.dmpgateway.model.access.AuthorizationDeclaration;
import org.dmpgateway.model.access.RecordStatus;
import org.dmpgateway.model.error.DmpException;
import org.springframework.stereotype.Component;

/**
 * Every call the DMP administrative services make to the core, through its typed front door
 * ({@link Core}). The core decides; the services translate its answers and refusals
 * ({@link DmpException}) into the DMP's messages.
 */
@Component
public class AdminCoreClient {
    private final Core core;

    public AdminCoreClient(Core core) {
        this.core = core;
    }

    /** TD0.2 / TD1.3a: the record of the caller's patient ({@code requested}: the patient the message names). */
    public RecordStatus recordStatus(AccessContext caller, PatientRef requested) {
        return core.recordStatus(requested, caller);
    }

    /** TD0.3: the caller declares or withdraws the patient's authorisation, or his médecin traitant role. */
    public RecordStatus declare(AccessContext caller, AuthorizationDeclaration declaration) {
        return core.declareAuthorization(declaration, caller);
    }
}
