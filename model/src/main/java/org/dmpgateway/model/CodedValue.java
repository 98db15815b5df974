package org.dmpgateway.model;

/**
 * A coded value (XDS Code / FHIR Coding): code, the OID of its code system, and a display name.
 */
public record CodedValue(String code, String codeSystem, String displayName) {
    public CodedValue {
        if (code == null || code.isBlank()) {
            throw new IllegalArgumentException("a coded value needs a code");
        }
    }
}
