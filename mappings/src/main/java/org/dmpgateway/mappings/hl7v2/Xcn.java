package org.dmpgateway.mappings.hl7v2;

import org.openehealth.ipf.commons.ihe.xds.core.metadata.AssigningAuthority;
import org.openehealth.ipf.commons.ihe.xds.core.metadata.Hl7v2Based;
import org.openehealth.ipf.commons.ihe.xds.core.metadata.Identifiable;
import org.openehealth.ipf.commons.ihe.xds.core.metadata.Organization;
import org.openehealth.ipf.commons.ihe.xds.core.metadata.Person;
import org.openehealth.ipf.commons.ihe.xds.core.metadata.XcnName;

/**
 * The HL7v2 composite strings of the XDS metadata (authorPerson XCN, authorInstitution XON, specialty CX),
 * rendered by IPF's metadata model: never written by hand.
 */
final class Xcn {
    private Xcn() {
    }

    /** XCN {@code id^family^given^^^^^^&authority&ISO}. */
    static String person(String id, String family, String given, String authority) {
        return Hl7v2Based.render(new Person(new Identifiable(id, authority == null ? null : new AssigningAuthority(authority)),
                new XcnName(family, given, null, null, null, null)));
    }

    /** XON {@code name^^^^^&authority&ISO^^^^id}. */
    static String organization(String name, String id, String authority) {
        return Hl7v2Based.render(new Organization(name, id, authority == null ? null : new AssigningAuthority(authority)));
    }

    /** CX {@code code^^^&system&ISO} of a role or specialty code. */
    static String code(String code, String system) {
        return Hl7v2Based.render(new Identifiable(code, system == null ? null : new AssigningAuthority(system)));
    }
}
