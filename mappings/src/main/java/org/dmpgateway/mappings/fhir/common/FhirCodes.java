package org.dmpgateway.mappings.fhir.common;

import org.dmpgateway.model.error.DmpErrorCode;
import org.dmpgateway.model.error.DmpException;
import org.dmpgateway.model.CodedValue;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;

/**
 * FHIR CodeableConcept / Coding to and from the internal {@link CodedValue} (code, code system
 * OID, display). Inbound, the first coding whose system has an OID is taken (translations in other
 * systems may follow it). Whether the code belongs to the DMP value set that binds the field is the
 * core's rule, the same for every protocol (core/metadata/DmpValueSetRule).
 */
public final class FhirCodes {
    private FhirCodes() {
    }

    /** Null or empty concept gives null. */
    public static CodedValue read(CodeableConcept cc, String field) {
        if (cc == null || cc.getCoding().stream().noneMatch(Coding::hasCode)) {
            if (cc != null && cc.hasText()) {
                throw new DmpException(DmpErrorCode.METADATA_ERROR, field + ": a text without coding ('" + cc.getText()
                        + "') cannot be carried by XDS; a coding with system and code is needed", field);
            }
            return null;
        }
        DmpException first = null;
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
            return new CodedValue(c.getCode(), oid, c.getDisplay());
        }
        throw first;
    }

    public static CodedValue read(Coding c, String field) {
        if (c == null || !c.hasCode()) {
            return null;
        }
        return new CodedValue(c.getCode(), FhirCodeSystems.toOid(c.getSystem(), field), c.getDisplay());
    }

    public static CodeableConcept concept(CodedValue v) {
        return v == null ? null : new CodeableConcept().addCoding(coding(v));
    }

    public static Coding coding(CodedValue v) {
        return new Coding(FhirCodeSystems.toUri(v.codeSystem()), v.code(), v.displayName());
    }
}
