package org.dmpgateway.hl7v2;

import org.dmpgateway.config.DmpProperties;
import org.dmpgateway.mappings.hl7v2.Hl7v2Refusal;
import org.dmpgateway.mappings.hl7v2.MdmMessage;
import org.dmpgateway.model.CodedValue;
import org.dmpgateway.model.PatientRef;
import org.dmpgateway.model.access.AccessContext;
import org.dmpgateway.model.access.AccessMode;
import org.dmpgateway.model.access.CallerSoftware;

/**
 * The caller of an HL7v2 message, in place of a VIHF (the guide's VIHF mapping, page mapping): the
 * professional (or device) the message names as sender (PRT-4 = SB: PRT-5.1 or PRT-10.1, PRT-5.2 and 5.3
 * his names), acting for the structure of the declared sending application ({@code dmp.hl7v2.senders}:
 * Identifiant_Structure, Secteur_Activite, the role when the message cannot say it, the software);
 * access mode normal.
 */
final class SenderIdentity {
    private SenderIdentity() {
    }

    static AccessContext of(DmpProperties.Hl7v2Sender declared, MdmMessage m, PatientRef patient) {
        MdmMessage.Sender s = m.sender();
        String actor = s == null ? null : s.personId() != null ? s.personId() : s.deviceId();
        if (actor == null) {
            throw Hl7v2Refusal.field(Hl7v2Refusal.REQUIRED_FIELD_MISSING, "PRT^1^5", "le segment PRT de l'expéditeur "
                    + "(PRT-4 = SB) avec PRT-5.1 (identifiant du professionnel) ou PRT-10.1 (dispositif) est requis pour "
                    + "l'alimentation du DMP");
        }
        String name = s.personId() == null ? declared.softwareName()
                : (s.familyName() == null ? "" : s.familyName()) + ", " + (s.givenName() == null ? "" : s.givenName());
        return new AccessContext(actor, name, coded(declared.role()), blank(declared.specialty()) ? null
                : coded(declared.specialty()), declared.structureId(), declared.activitySector(), patient,
                AccessMode.NORMAL, null, CallerSoftware.of(declared.softwareName(),
                m.sendingApplication() + "|" + m.sendingFacility(), declared.softwareHomologation()));
    }

    /** {@code code^codeSystem} of the configuration. */
    private static CodedValue coded(String value) {
        int caret = value.indexOf('^');
        return caret < 0 ? new CodedValue(value, null, null)
                : new CodedValue(value.substring(0, caret), value.substring(caret + 1), null);
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
