package org.dmpgateway.model;

import java.util.List;

/**
 * An author of a document or submission set. Each part keeps its HL7v2 encoding as in XDS:
 * person as XCN, institutions as XON, roles and specialties as CX/CWE strings, telecoms as XTN.
 */
public record AuthorInfo(String person, List<String> institutions, List<String> roles,
                         List<String> specialties, List<String> telecoms) {
    public AuthorInfo {
        institutions = List.copyOf(institutions == null ? List.of() : institutions);
        roles = List.copyOf(roles == null ? List.of() : roles);
        specialties = List.copyOf(specialties == null ? List.of() : specialties);
        telecoms = List.copyOf(telecoms == null ? List.of() : telecoms);
    }
}
