package org.dmpgateway.fhir.iti68;

import org.hl7.fhir.r4.model.Base64BinaryType;

/**
 * A base64Binary whose text form is made only when asked for. HAPI's type encodes the bytes as soon
 * as they are set; an ITI-68 answer sent as raw bytes (the usual case) never needs that text, which
 * cost most of the request's CPU and a second copy of the document in memory (docs/performance.md).
 * Serialised as FHIR (a Binary resource), {@link #getValueAsString()} encodes it then.
 */
final class LazyBase64Binary extends Base64BinaryType {
    LazyBase64Binary(byte[] bytes) {
        super();
        setValue(bytes);
    }

    @Override
    protected void updateStringValue() {
        // no eager encoding: getValueAsString() encodes from the bytes when the text is needed
    }

    @Override
    public String asStringValue() {
        return getValueAsString();
    }

    @Override
    public String primitiveValue() {
        return getValueAsString();
    }
}
