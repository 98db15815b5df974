package org.dmpgateway.mappings.xds.metadata;

import org.dmpgateway.mappings.xds.validation.DmpValidationProfile;
import jakarta.xml.bind.JAXBElement;
import org.openehealth.ipf.commons.ihe.xds.core.ebxml.ebxml30.EbXMLFactory30;
import org.openehealth.ipf.commons.ihe.xds.core.metadata.Author;
import org.openehealth.ipf.commons.ihe.xds.core.metadata.DocumentEntry;
import org.openehealth.ipf.commons.ihe.xds.core.metadata.Folder;
import org.openehealth.ipf.commons.ihe.xds.core.metadata.Hl7v2Based;
import org.openehealth.ipf.commons.ihe.xds.core.metadata.SubmissionSet;
import org.openehealth.ipf.commons.ihe.xds.core.responses.QueryResponse;
import org.openehealth.ipf.commons.ihe.xds.core.stub.ebrs30.query.AdhocQueryResponse;
import org.openehealth.ipf.commons.ihe.xds.core.stub.ebrs30.rim.ClassificationType;
import org.openehealth.ipf.commons.ihe.xds.core.stub.ebrs30.rim.ExternalIdentifierType;
import org.openehealth.ipf.commons.ihe.xds.core.stub.ebrs30.rim.IdentifiableType;
import org.openehealth.ipf.commons.ihe.xds.core.stub.ebrs30.rim.RegistryObjectType;
import org.openehealth.ipf.commons.ihe.xds.core.stub.ebrs30.rim.SlotType1;
import org.openehealth.ipf.commons.ihe.xds.core.transform.responses.QueryResponseTransformer;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The HL7v2 values of the DMP's conventions kept as they were sent, and given back as they came.
 * <p>
 * IPF's metadata model parses each HL7v2 composite whole (its HAPI object keeps every component),
 * but IPF's ebXML writer renders only the components IHE allows: a patient CX loses its identifier
 * type code and effective date ({@code ^NH^^20100907}), an XON its type code ({@code ^IDNST^}), an
 * authorSpecialty or authorRole written {@code code^displayName^OID} its display name and OID.
 * The DMP gives them back as submitted (official TD3.1 answer, reference-examples/dmp-official/), so
 * the gateway does too:
 * <ul>
 *   <li>on the way in, {@link #of} keeps the whole composite as sent (what IPF's validation, with the
 *       DMP's profile {@link DmpValidationProfile}, accepted);</li>
 *   <li>on the way out, {@link #toEbXml} lets IPF write the answer, then puts back, value by value,
 *       the composite as sent wherever IPF wrote its IHE form: the patientId of document entries,
 *       submission sets and folders, sourcePatientId, and the authors' institution, role and
 *       specialty.</li>
 * </ul>
 * A value sent in plain IHE form is given back unchanged. Listed in docs/conformance-statement.md.
 */
public final class ValuesAsSent {
    static final String DOCUMENT_PATIENT_ID = "urn:uuid:58a6f841-87b3-4a3e-92fd-a8ffeff98427";
    static final String SUBMISSION_SET_PATIENT_ID = "urn:uuid:6b5aea1a-874d-4603-a4bc-96a0a7b38446";
    static final String FOLDER_PATIENT_ID = "urn:uuid:f64ffdf0-4b97-4e06-b79f-a52b38ec2f8a";
    private static final Set<String> PATIENT_ID_SCHEMES = Set.of(DOCUMENT_PATIENT_ID, SUBMISSION_SET_PATIENT_ID,
            FOLDER_PATIENT_ID);
    /** IPF's writer of ITI-18 answers, as IPF's Camel converter (EbXML30Converters) holds it. */
    private static final QueryResponseTransformer QUERY_RESPONSE = new QueryResponseTransformer(new EbXMLFactory30());
    /** The key of the patientId among an object's values (an ExternalIdentifier, not a slot). */
    private static final String PATIENT_ID = "patientId";

    private ValuesAsSent() {
    }

    /** The composite exactly as sent (all its components), or null when empty. */
    public static String of(Hl7v2Based<?> value) {
        String raw = Hl7v2Based.rawRender(value);
        return raw == null || raw.isBlank() ? null : raw;
    }

    /**
     * The text an answer gives for a composite of IHE form {@code ihe} (IPF's rendering) and form as
     * sent {@code sent} ({@link #of}): none when IPF renders none, else the form as sent when kept,
     * else the IHE form. The value by value rule of {@link #toEbXml}, for a writer that writes the
     * answer without IPF's ebXML ({@link ExtrinsicObjectWriter}, through {@link RenderedValues}).
     */
    static String given(String ihe, String sent) {
        return ihe == null || sent == null ? ihe : sent;
    }

    /** Each composite of the list as sent, empty ones dropped. */
    static List<String> ofAll(List<? extends Hl7v2Based<?>> values) {
        List<String> out = new ArrayList<>();
        if (values != null) {
            for (Hl7v2Based<?> v : values) {
                String raw = v == null ? null : of(v);
                if (raw != null) {
                    out.add(raw);
                }
            }
        }
        return out;
    }

    /**
     * The ITI-18 answer IPF writes for {@code response} (its QueryResponseTransformer, as IPF's Camel
     * converter does), with the values of the DMP's conventions given back as they were sent.
     */
    public static AdhocQueryResponse toEbXml(QueryResponse response) {
        AdhocQueryResponse ebXml = QUERY_RESPONSE.toEbXML(response).getInternal();
        giveBack(response, ebXml);
        return ebXml;
    }

    private static void giveBack(QueryResponse response, AdhocQueryResponse ebXml) {
        Map<String, Map<String, List<String[]>>> byObject = new HashMap<>();
        for (DocumentEntry e : response.getDocumentEntries()) {
            Map<String, List<String[]>> values = byObject.computeIfAbsent(e.getEntryUuid(), k -> new HashMap<>());
            add(values, PATIENT_ID, e.getPatientId());
            add(values, "sourcePatientId", e.getSourcePatientId());
            authors(values, e.getAuthors());
        }
        for (SubmissionSet s : response.getSubmissionSets()) {
            Map<String, List<String[]>> values = byObject.computeIfAbsent(s.getEntryUuid(), k -> new HashMap<>());
            add(values, PATIENT_ID, s.getPatientId());
            authors(values, s.getAuthors());
        }
        for (Folder f : response.getFolders()) {
            add(byObject.computeIfAbsent(f.getEntryUuid(), k -> new HashMap<>()), PATIENT_ID, f.getPatientId());
        }
        if (ebXml.getRegistryObjectList() == null) {
            return;
        }
        for (JAXBElement<? extends IdentifiableType> element : ebXml.getRegistryObjectList().getIdentifiable()) {
            if (element.getValue() instanceof RegistryObjectType object && byObject.containsKey(object.getId())) {
                Map<String, List<String[]>> values = byObject.get(object.getId());
                slots(object.getSlot(), values);
                for (ClassificationType classification : object.getClassification()) {
                    slots(classification.getSlot(), values);
                }
                for (ExternalIdentifierType identifier : object.getExternalIdentifier()) {
                    if (PATIENT_ID_SCHEMES.contains(identifier.getIdentificationScheme())) {
                        identifier.setValue(asSent(values, PATIENT_ID, identifier.getValue()));
                    }
                }
            }
        }
    }

    private static void authors(Map<String, List<String[]>> values, List<Author> authors) {
        for (Author a : authors) {
            a.getAuthorInstitution().forEach(v -> add(values, "authorInstitution", v));
            a.getAuthorRole().forEach(v -> add(values, "authorRole", v));
            a.getAuthorSpecialty().forEach(v -> add(values, "authorSpecialty", v));
        }
    }

    /** Records the pair (IHE form IPF writes, form as sent) when they differ. */
    private static void add(Map<String, List<String[]>> values, String name, Hl7v2Based<?> value) {
        if (value == null) {
            return;
        }
        String ihe = Hl7v2Based.render(value);
        String sent = of(value);
        if (ihe != null && sent != null && !ihe.equals(sent)) {
            values.computeIfAbsent(name, k -> new ArrayList<>()).add(new String[]{ihe, sent});
        }
    }

    private static void slots(List<SlotType1> slots, Map<String, List<String[]>> values) {
        for (SlotType1 slot : slots) {
            if (!values.containsKey(slot.getName()) || slot.getValueList() == null) {
                continue;
            }
            List<String> list = slot.getValueList().getValue();
            for (int i = 0; i < list.size(); i++) {
                list.set(i, asSent(values, slot.getName(), list.get(i)));
            }
        }
    }

    /**
     * The form as sent of {@code written} (IPF's IHE form of the value named {@code name}): the
     * first pair not yet used whose IHE form it is, in the order IPF writes them; itself otherwise.
     */
    private static String asSent(Map<String, List<String[]>> values, String name, String written) {
        List<String[]> pairs = values.get(name);
        if (pairs == null || written == null) {
            return written;
        }
        for (Iterator<String[]> it = pairs.iterator(); it.hasNext(); ) {
            String[] pair = it.next();
            if (pair[0].equals(written)) {
                it.remove();
                return pair[1];
            }
        }
        return written;
    }
}
