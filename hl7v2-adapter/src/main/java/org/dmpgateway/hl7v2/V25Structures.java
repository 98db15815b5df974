package org.dmpgateway.hl7v2;

import ca.uhn.hl7v2.HL7Exception;
import ca.uhn.hl7v2.Version;
import ca.uhn.hl7v2.parser.CanonicalModelClassFactory;

/**
 * HAPI's v2.5 message structures for every version (the guide's MDM is v2.6, whose structure library the
 * gateway does not ship; its MDM_T02 has the v2.5 segments), and the v2.5 event map for every version too:
 * without it HAPI (hence IPF's acceptance check) would expect the structure {@code MDM_T10} for an
 * {@code MDM^T10} of v2.6 instead of the guide's {@code MDM_T02}.
 */
final class V25Structures extends CanonicalModelClassFactory {
    V25Structures() {
        super(Version.V25.getVersion());
    }

    @Override
    public String getMessageStructureForEvent(String name, Version version) throws HL7Exception {
        return super.getMessageStructureForEvent(name, Version.V25);
    }
}
