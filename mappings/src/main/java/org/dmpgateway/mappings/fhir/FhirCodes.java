package org.dmpgateway.mappings.fhir;

import org.dmpgateway.model.error.DmpErrorCode;
import org.dmpgateway.model.error.DmpException;
import org.dmpgateway.model.CodedValue;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;

/**
 * FHIR CodeableConcept / Coding to and from the internal {@link CodedValue} (code, code system
 * OID, display). Inbound, the first coding whose system has an OID (and, when a binding is given,
 * is allowed by it) is taken: translations in other systems may follow it.
 */
final class FhirCodes {
    private FhirCodes() {
    }

    /** Null or empty concept gives null. */
    static CodedValue read(CodeableConcept cc, String field, DmpBindings binding) {
        if (cc == null || cc.getCoding().stream().noneMatch(Coding::hasCode)) {
            if (cc != null && cc.hasText()) {
                throw new DmpException(DmpErrorCode.METADATA_ERROR, field + ": a text without coding ('" + cc.getText()
                        + "') cannot be carried by XDS; a coding with system and code is needed", field);
            }
            return null;
        }
        DmpException first = null;
        Coding disallowed = null;
        for (Coding c : cc.getCoding()) {
            if (!c.hasCode()) {
                continue;
            }
            String oid;
            try {
                oid = FhirCodeSystems.toOid(c.getSystem(), field);
            } catch (DmpException e) {
                first = first == null ? e : first;
                continue;
            }
            if (binding != null && !binding.oids().contains(oid)) {
                disallowed = disallowed == null ? c : disallowed;
                continue;
            }
            return new CodedValue(c.getCode(), oid, c.getDisplay());
        }
        if (disallowed != null) {
            throw new DmpException(DmpErrorCode.METADATA_ERROR, field + ": code " + disallowed.getCode() + " of "
                    + disallowed.getSystem() + " is not allowed by the DMP; the code system must be "
                    + binding.expected(), field);
        }
        throw first;
    }

    static CodedValue read(Coding c, String field) {
        if (c == null || !c.hasCode()) {
            return null;
        }
        return new CodedValue(c.getCode(), FhirCodeSystems.toOid(c.getSystem(), field), c.getDisplay());
    }

    static CodeableConcept concept(CodedValue v) {
        return v == null ? null : new CodeableConcept().addCoding(coding(v));
    }

    static Coding coding(CodedValue v) {
        return new Coding(FhirCodeSystems.toUri(v.codeSystem()), v.code(), v.displayName());
    }
}
