package org.dmpgateway.mappings.xds.metadata;

import ca.uhn.hl7v2.model.Composite;
import org.codehaus.stax2.XMLStreamWriter2;
import org.dmpgateway.model.AuthorInfo;
import org.dmpgateway.model.CodedValue;
import org.dmpgateway.model.DocumentEntryRecord;
import org.openehealth.ipf.commons.ihe.xds.core.XdsJaxbDataBinding;
import org.openehealth.ipf.commons.ihe.xds.core.metadata.AvailabilityStatus;
import org.openehealth.ipf.commons.ihe.xds.core.metadata.DocumentAvailability;
import org.openehealth.ipf.commons.ihe.xds.core.metadata.DocumentEntryType;
import org.openehealth.ipf.commons.ihe.xds.core.metadata.Hl7v2Based;
import org.openehealth.ipf.commons.ihe.xds.core.metadata.Identifiable;
import org.openehealth.ipf.commons.ihe.xds.core.metadata.LocalizedString;
import org.openehealth.ipf.commons.ihe.xds.core.metadata.Organization;
import org.openehealth.ipf.commons.ihe.xds.core.metadata.Person;
import org.openehealth.ipf.commons.ihe.xds.core.metadata.ReferenceId;
import org.openehealth.ipf.commons.ihe.xds.core.metadata.Telecom;

import javax.xml.XMLConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import static org.openehealth.ipf.commons.ihe.xds.core.metadata.Vocabulary.*;

/**
 * Writes the {@code rim:ExtrinsicObject} of a document entry record straight to an
 * {@link XMLStreamWriter}, without IPF's model, its ebXML objects or JAXB: the same elements,
 * attributes, order and values as IPF's DocumentEntryTransformer (run by its
 * QueryResponseTransformer), {@link ValuesAsSent} and JAXB write for the same record, IPF's
 * {@code XdsJaxbDataBinding} included (extra metadata slots after the standard ones).
 * <p>
 * Each value is still decided where it was: IPF's rendering of a composite, code or
 * sourcePatientInfo comes from {@link RenderedValues} (rendered by IPF once per distinct stored
 * value, kept for the process), a composite of the DMP's conventions is given back as sent by the
 * rule of {@link ValuesAsSent#given}, times by {@link XdsValues#hl7Time}. Only the ebXML layout is
 * written here.
 * <p>
 * <b>Raw text.</b> When the writer is Woodstox's (a {@link XMLStreamWriter2}, what CXF writes to),
 * the markup of an element whose attribute values are all {@linkplain #isPlain plain} (printable
 * ASCII without {@code " & < >}, which Woodstox writes as they are, in attributes and text alike) is
 * gathered as text and handed to Woodstox with {@link XMLStreamWriter2#writeRaw(String)} once per
 * entry, instead of element by element and attribute by attribute; so is plain text. An element
 * with any other attribute value, and any other text, is written through the writer's own calls,
 * which escape it (raw text written before is handed over first). The result is the text Woodstox
 * writes for the same calls, byte for byte (ExtrinsicObjectWriterEqualityTest); any other writer
 * gets every element through its own calls.
 * <p>
 * Ids: IPF gives each classification and external identifier a new {@code urn:uuid:} id drawn at
 * random (UUID version 4) in every answer; so does this writer, from {@link ThreadLocalRandom}
 * (ids unique within an answer, with no need for a cryptographic source).
 * One instance per answer, used by one thread.
 */
public final class ExtrinsicObjectWriter {
    /** The namespace of ebRIM 3.0. */
    public static final String RIM = "urn:oasis:names:tc:ebxml-regrep:xsd:rim:3.0";
    private static final String CLASSIFICATION_TYPE = "urn:oasis:names:tc:ebxml-regrep:ObjectType:RegistryObject:Classification";
    private static final String EXTERNAL_IDENTIFIER_TYPE = "urn:oasis:names:tc:ebxml-regrep:ObjectType:RegistryObject:ExternalIdentifier";
    /** The attribute name of a LocalizedString's language, in the XML namespace. */
    private static final String XML_LANG = XMLConstants.XML_NS_PREFIX + ":lang";
    /** The deepest element written (ExtrinsicObject, Classification, Slot, ValueList, Value). */
    private static final int MAX_DEPTH = 6;

    private final XMLStreamWriter out;
    /** {@link #out} when it writes raw text, else null. */
    private final XMLStreamWriter2 raw;
    private final String prefix;
    /** The prefix and its colon, as element names are written ("" for the default namespace). */
    private final String qualifier;
    private final RenderedValues rendered;
    /** Raw text not yet handed to {@link #raw}. */
    private final StringBuilder pending = new StringBuilder(8192);
    /** The elements started and not ended, the entry's ExtrinsicObject first. */
    private final String[] names = new String[MAX_DEPTH];
    /** Whether each was started through the writer's calls (its end is then written by them too). */
    private final boolean[] called = new boolean[MAX_DEPTH];
    private int depth;
    /** Whether the last element started was started as raw text whose start tag is still open. */
    private boolean tagOpen;

    /**
     * @param out      where the entries are written
     * @param prefix   the prefix bound to {@link #RIM} where they are written ("" for the default namespace)
     * @param rendered IPF's renderings of the stored values
     */
    public ExtrinsicObjectWriter(XMLStreamWriter out, String prefix, RenderedValues rendered) {
        this.out = out;
        this.raw = out instanceof XMLStreamWriter2 w ? w : null;
        this.prefix = prefix;
        this.qualifier = prefix.isEmpty() ? "" : prefix + ":";
        this.rendered = rendered;
    }

    /** Writes the entry's {@code rim:ExtrinsicObject}. */
    public void write(DocumentEntryRecord r) throws XMLStreamException {
        String id = r.entryUuid();
        start("ExtrinsicObject", "mimeType", r.mimeType(), "lid", r.logicalUuid(),
                "objectType", DocumentEntryType.toUuid(r.onDemand() ? DocumentEntryType.ON_DEMAND : DocumentEntryType.STABLE),
                "status", AvailabilityStatus.toQueryOpcode(XdsValues.status(r.availabilityStatus())),
                "id", id, "home", r.homeCommunityId());
        slots(r);
        localized("Name", XdsValues.text(r.title()));
        localized("Description", XdsValues.text(r.comments()));
        if (r.version() != null) {
            start("VersionInfo", "versionName", r.version());
            end();
        }
        for (AuthorInfo author : r.authors()) {
            author(id, author);
        }
        code(id, DOC_ENTRY_CLASS_CODE_CLASS_SCHEME, r.classCode());
        code(id, DOC_ENTRY_FORMAT_CODE_CLASS_SCHEME, r.formatCode());
        code(id, DOC_ENTRY_HEALTHCARE_FACILITY_TYPE_CODE_CLASS_SCHEME, r.healthcareFacilityTypeCode());
        code(id, DOC_ENTRY_PRACTICE_SETTING_CODE_CLASS_SCHEME, r.practiceSettingCode());
        code(id, DOC_ENTRY_TYPE_CODE_CLASS_SCHEME, r.typeCode());
        for (CodedValue c : r.confidentialityCodes()) {
            code(id, DOC_ENTRY_CONFIDENTIALITY_CODE_CLASS_SCHEME, c);
        }
        for (CodedValue c : r.eventCodes()) {
            code(id, DOC_ENTRY_EVENT_CODE_CLASS_SCHEME, c);
        }
        if (r.limitedMetadata()) {
            startClassification(DOC_ENTRY_LIMITED_METADATA_CLASS_NODE, id, DOC_ENTRY_LIMITED_METADATA_CLASS_NODE, null);
            end();
        }
        externalIdentifier(id, DOC_ENTRY_PATIENT_ID_EXTERNAL_ID, given(rendered.patient(r.patientId(), r.patientIdAsSent())),
                DOC_ENTRY_LOCALIZED_STRING_PATIENT_ID);
        externalIdentifier(id, DOC_ENTRY_UNIQUE_ID_EXTERNAL_ID, r.uniqueId(), DOC_ENTRY_LOCALIZED_STRING_UNIQUE_ID);
        end();
        handOver();
    }

    private void slots(DocumentEntryRecord r) throws XMLStreamException {
        slot(SLOT_NAME_CREATION_TIME, XdsValues.hl7Time(r.creationTime()));
        slot(SLOT_NAME_HASH, r.hash());
        slot(SLOT_NAME_LANGUAGE_CODE, r.languageCode());
        slot(SLOT_NAME_SERVICE_START_TIME, XdsValues.hl7Time(r.serviceStartTime()));
        slot(SLOT_NAME_SERVICE_STOP_TIME, XdsValues.hl7Time(r.serviceStopTime()));
        slot(SLOT_NAME_REPOSITORY_UNIQUE_ID, r.repositoryUniqueId());
        slot(SLOT_NAME_URI, r.uri());
        slot(SLOT_NAME_DOCUMENT_AVAILABILITY,
                DocumentAvailability.toFullQualifiedOpcode(DocumentAvailability.valueOfOpcode(r.documentAvailability())));
        slot(SLOT_NAME_SIZE, r.size() == null ? null : r.size().toString());
        slot(SLOT_NAME_LEGAL_AUTHENTICATOR, ihe(rendered.composite(r.legalAuthenticator(), Person.class)));
        slot(SLOT_NAME_SOURCE_PATIENT_ID, given(rendered.composite(r.sourcePatientId(), Identifiable.class)));
        slot(SLOT_NAME_SOURCE_PATIENT_INFO, rendered.patientInfo(r.sourcePatientInfo()));
        slot(SLOT_NAME_REFERENCE_ID_LIST, iheAll(r.referenceIds(), ReferenceId.class));
        Map<String, List<String>> extra = XdsValues.extraToXds(r.extraMetadata());
        if (extra != null) {
            for (Map.Entry<String, List<String>> e : extra.entrySet()) {
                if (XdsJaxbDataBinding.isExtraMetadataSlotName(e.getKey())) {
                    slotAsIs(e.getKey(), e.getValue());
                }
            }
        }
    }

    private void author(String id, AuthorInfo a) throws XMLStreamException {
        startClassification(DOC_ENTRY_AUTHOR_CLASS_SCHEME, id, null, "");
        slot(SLOT_NAME_AUTHOR_PERSON, ihe(rendered.composite(a.person(), Person.class)));
        slot(SLOT_NAME_AUTHOR_INSTITUTION, givenAll(a.institutions(), Organization.class));
        slot(SLOT_NAME_AUTHOR_ROLE, givenAll(a.roles(), Identifiable.class));
        slot(SLOT_NAME_AUTHOR_SPECIALTY, givenAll(a.specialties(), Identifiable.class));
        slot(SLOT_NAME_AUTHOR_TELECOM, iheAll(a.telecoms(), Telecom.class));
        end();
    }

    private void code(String id, String scheme, CodedValue value) throws XMLStreamException {
        RenderedValues.CodeTexts code = rendered.code(value);
        if (code == null) {
            return;
        }
        startClassification(scheme, id, null, code.code());
        slot(SLOT_NAME_CODING_SCHEME, code.schemeName());
        localized("Name", code.name());
        end();
    }

    private void startClassification(String scheme, String classified, String node, String representation)
            throws XMLStreamException {
        start("Classification", "classificationScheme", scheme, "classifiedObject", classified,
                "classificationNode", node, "nodeRepresentation", representation,
                "objectType", CLASSIFICATION_TYPE, "id", randomId());
    }

    private void externalIdentifier(String id, String scheme, String value, String name) throws XMLStreamException {
        if (value == null) {
            return;
        }
        start("ExternalIdentifier", "registryObject", id, "identificationScheme", scheme, "value", value,
                "objectType", EXTERNAL_IDENTIFIER_TYPE, "id", randomId());
        localized("Name", new LocalizedString(name, null, null));
        end();
    }

    /** The slot of the non-null values, none when there is none (IPF's EbXMLSlotList30.addSlot). */
    private void slot(String name, String value) throws XMLStreamException {
        if (value != null) {
            slotAsIs(name, List.of(value));
        }
    }

    private void slot(String name, List<String> values) throws XMLStreamException {
        List<String> present = new ArrayList<>(values.size());
        for (String v : values) {
            if (v != null) {
                present.add(v);
            }
        }
        if (!present.isEmpty()) {
            slotAsIs(name, present);
        }
    }

    private void slotAsIs(String name, List<String> values) throws XMLStreamException {
        start("Slot", "name", name);
        start("ValueList");
        for (String v : values) {
            start("Value");
            characters(v);
            end();
        }
        end();
        end();
    }

    /** The element of a LocalizedString (none for null): its language, charset and value, when not null. */
    private void localized(String element, LocalizedString s) throws XMLStreamException {
        if (s == null) {
            return;
        }
        start(element);
        start("LocalizedString", XML_LANG, s.getLang(), "charset", s.getCharset(), "value", s.getValue());
        end();
        end();
    }

    /** IPF's rendering of the composite (null: none). */
    private static String ihe(RenderedValues.Forms forms) {
        return forms == null ? null : forms.ihe();
    }

    /** The text an answer gives for the composite (null: none). */
    private static String given(RenderedValues.Forms forms) {
        return forms == null ? null : forms.given();
    }

    private <C extends Composite, T extends Hl7v2Based<C>> List<String> iheAll(List<String> hl7, Class<T> type) {
        List<String> out = new ArrayList<>(hl7.size());
        for (String s : hl7) {
            out.add(ihe(rendered.composite(s, type)));
        }
        return out;
    }

    private <C extends Composite, T extends Hl7v2Based<C>> List<String> givenAll(List<String> hl7, Class<T> type) {
        List<String> out = new ArrayList<>(hl7.size());
        for (String s : hl7) {
            out.add(given(rendered.composite(s, type)));
        }
        return out;
    }

    /**
     * Starts an element of ebRIM with its attributes (name, value pairs; a null value writes no
     * attribute): as raw text when they are all plain, else through the writer's calls.
     */
    private void start(String local, String... attributes) throws XMLStreamException {
        boolean plain = raw != null;
        for (int i = 1; plain && i < attributes.length; i += 2) {
            plain = attributes[i] == null || isPlain(attributes[i]);
        }
        content();
        names[depth] = local;
        called[depth] = !plain;
        depth++;
        if (plain) {
            pending.append('<').append(qualifier).append(local);
            for (int i = 1; i < attributes.length; i += 2) {
                if (attributes[i] != null) {
                    pending.append(' ').append(attributes[i - 1]).append("=\"").append(attributes[i]).append('"');
                }
            }
            tagOpen = true;
        } else {
            handOver();
            out.writeStartElement(prefix, local, RIM);
            for (int i = 1; i < attributes.length; i += 2) {
                if (attributes[i] == null) {
                    continue;
                }
                if (XML_LANG.equals(attributes[i - 1])) {
                    out.writeAttribute(XMLConstants.XML_NS_PREFIX, XMLConstants.XML_NS_URI, "lang", attributes[i]);
                } else {
                    out.writeAttribute(attributes[i - 1], attributes[i]);
                }
            }
        }
    }

    /** Ends the element last started, as it was started. */
    private void end() throws XMLStreamException {
        depth--;
        if (called[depth]) {
            handOver();
            out.writeEndElement();
        } else if (tagOpen) {
            pending.append("/>");
            tagOpen = false;
        } else {
            pending.append("</").append(qualifier).append(names[depth]).append('>');
        }
    }

    /** Text content, escaped by the writer unless plain. */
    private void characters(String text) throws XMLStreamException {
        content();
        if (raw != null && isPlain(text)) {
            pending.append(text);
        } else {
            handOver();
            out.writeCharacters(text);
        }
    }

    /** Ends the open raw start tag before content. */
    private void content() {
        if (tagOpen) {
            pending.append('>');
            tagOpen = false;
        }
    }

    /** Hands the raw text gathered to the writer (which ends a start tag of its own still open first). */
    private void handOver() throws XMLStreamException {
        if (!pending.isEmpty()) {
            raw.writeRaw(pending.toString());
            pending.setLength(0);
        }
    }

    /**
     * Whether Woodstox writes the value unchanged in an attribute and in text: printable ASCII
     * without the characters it escapes there ({@code " & <}) and {@code >} (escaped after {@code ]]}).
     */
    static boolean isPlain(String value) {
        for (int i = 0, n = value.length(); i < n; i++) {
            char c = value.charAt(i);
            if (c < 0x20 || c > 0x7E || c == '"' || c == '&' || c == '<' || c == '>') {
                return false;
            }
        }
        return true;
    }

    private static String randomId() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        long high = (random.nextLong() & ~0xF000L) | 0x4000L;
        long low = (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return "urn:uuid:" + new UUID(high, low);
    }
}
