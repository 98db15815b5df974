package org.dmpgateway.core.policy;

import org.dmpgateway.model.access.AccessContext;
import org.dmpgateway.model.access.AccessMode;
import org.dmpgateway.model.error.DmpErrorCode;
import org.dmpgateway.model.error.DmpException;
import org.dmpgateway.model.error.IdentityField;

/**
 * Who may use the SAMU regulation access mode ({@code centre_15}, TRE_R248 "Accès par un centre de
 * régulation médicale"): the regulating doctor of a centre 15 ("Le médecin régulateur peut accéder
 * aux documents d'un patient pour lequel il reçoit un appel", Mon espace santé, patient settings
 * "Accès en cas d'urgence par le SAMU"; docs/sources/dmp-rules.md section 3: "SAMU regulation doctor"). So only
 * a médecin may: profession {@code 10} of TRE_G15 (OID 1.2.250.1.71.1.2.7). A nurse, a pharmacist,
 * a regulation assistant or any other role is refused (HABILITATION_DENIED); they have break-glass
 * (with a justification) in an emergency. docs/access-policy.md, rule 4.
 */
final class SamuRegulationRule {
    /** TRE_G15 (professions), the VIHF's first role. */
    static final String PROFESSION_SYSTEM = "1.2.250.1.71.1.2.7";
    /** Médecin. */
    static final String DOCTOR = "10";

    private SamuRegulationRule() {
    }

    static void require(AccessContext context) {
        String system = context.profession().codeSystem();
        boolean doctor = DOCTOR.equals(context.professionCode()) && (system == null || PROFESSION_SYSTEM.equals(system));
        if (!doctor) {
            throw new DmpException(DmpErrorCode.HABILITATION_DENIED, "access mode " + AccessMode.SAMU_REGULATION.code()
                    + " (SAMU regulation) is for the regulating doctor of a centre 15: profession " + DOCTOR
                    + " (médecin, TRE_G15 " + PROFESSION_SYSTEM + "); profession " + context.professionCode()
                    + (system == null ? "" : " (" + system + ")") + " may not use it (in an emergency: "
                    + AccessMode.BREAK_GLASS.code() + " with a justification)", IdentityField.ACCESS_MODE.location());
        }
    }
}
