package org.dmpgateway.mappings.xds.metadata;

import org.dmpgateway.model.AuthorInfo;
import org.openehealth.ipf.commons.ihe.xds.core.metadata.Author;
import org.openehealth.ipf.commons.ihe.xds.core.metadata.Hl7v2Based;
import org.openehealth.ipf.commons.ihe.xds.core.metadata.Identifiable;
import org.openehealth.ipf.commons.ihe.xds.core.metadata.Organization;
import org.openehealth.ipf.commons.ihe.xds.core.metadata.PatientInfo;
import org.openehealth.ipf.commons.ihe.xds.core.metadata.Person;
import org.openehealth.ipf.commons.ihe.xds.core.metadata.Recipient;
import org.openehealth.ipf.commons.ihe.xds.core.metadata.Telecom;
import org.openehealth.ipf.commons.ihe.xds.core.transform.ebxml.RecipientTransformer;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.dmpgateway.mappings.xds.metadata.XdsValues.map;
import static org.dmpgateway.mappings.xds.metadata.XdsValues.render;
import static org.dmpgateway.mappings.xds.metadata.XdsValues.renderAll;

/**
 * The XDS composites that the internal model keeps in their ebXML string form: authors (each part
 * as its HL7v2 string), intended recipients ({@code XON|XCN|XTN}, the slot value of IPF's
 * RecipientTransformer) and sourcePatientInfo (one {@code "PID-n|value"} line per field
 * repetition, fields in HL7 order).
 */
final class XdsComposites {
    private static final RecipientTransformer RECIPIENTS = new RecipientTransformer();

    private XdsComposites() {
    }

    /**
     * The authors, their institutions, roles and specialties as sent (the DMP's XON with IDNST, its
     * {@code code^displayName^OID}, {@link ValuesAsSent}), the person and telecoms as IPF renders them.
     */
    static List<AuthorInfo> authors(List<Author> authors) {
        return map(authors, a -> new AuthorInfo(render(a.getAuthorPerson()), ValuesAsSent.ofAll(a.getAuthorInstitution()),
                ValuesAsSent.ofAll(a.getAuthorRole()), ValuesAsSent.ofAll(a.getAuthorSpecialty()),
                renderAll(a.getAuthorTelecom())));
    }

    /** IPF's authors, each composite parsed for its author. */
    static List<Author> ipfAuthors(List<AuthorInfo> authors) {
        return map(authors, XdsComposites::author);
    }

    private static Author author(AuthorInfo info) {
        Author a = new Author();
        a.setAuthorPerson(Hl7v2Based.parse(info.person(), Person.class));
        a.getAuthorInstitution().addAll(map(info.institutions(), s -> Hl7v2Based.parse(s, Organization.class)));
        a.getAuthorRole().addAll(map(info.roles(), s -> Hl7v2Based.parse(s, Identifiable.class)));
        a.getAuthorSpecialty().addAll(map(info.specialties(), s -> Hl7v2Based.parse(s, Identifiable.class)));
        a.getAuthorTelecom().addAll(map(info.telecoms(), s -> Hl7v2Based.parse(s, Telecom.class)));
        return a;
    }

    static List<String> recipients(List<Recipient> recipients) {
        return map(recipients, RECIPIENTS::toEbXML);
    }

    static List<Recipient> ipfRecipients(List<String> recipients) {
        return map(recipients, RECIPIENTS::fromEbXML);
    }

    static List<String> patientInfo(PatientInfo info) {
        List<String> lines = new ArrayList<>();
        if (info == null) {
            return lines;
        }
        List<String> fieldIds = new ArrayList<>(info.getAllFieldIds());
        fieldIds.sort(new PatientInfo.Hl7FieldIdComparator());
        for (String fieldId : fieldIds) {
            info.getHl7FieldIterator(fieldId).forEachRemaining(value -> lines.add(fieldId + "|" + value));
        }
        return lines;
    }

    /** Rebuilds the PatientInfo from its lines; no line gives null (no sourcePatientInfo). */
    static PatientInfo ipfPatientInfo(List<String> lines) {
        if (lines == null || lines.isEmpty()) {
            return null;
        }
        Map<String, List<String>> fields = new LinkedHashMap<>();
        for (String line : lines) {
            int bar = line.indexOf('|');
            if (bar <= 0) {
                throw new IllegalArgumentException("a sourcePatientInfo line is \"PID-n|value\", got \"" + line + "\"");
            }
            fields.computeIfAbsent(line.substring(0, bar), id -> new ArrayList<>()).add(line.substring(bar + 1));
        }
        PatientInfo info = new PatientInfo();
        fields.forEach((fieldId, values) -> {
            var it = info.getHl7FieldIterator(fieldId);
            values.forEach(it::add);
        });
        return info;
    }
}
