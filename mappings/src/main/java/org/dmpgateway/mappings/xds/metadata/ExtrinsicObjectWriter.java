package org.dmpgateway.mappings.xds.metadata;

import ca.uhn.hl7v2.model.Composite;
import org.dmpgateway.model.AuthorInfo;
import org.dmpgateway.model.CodedValue;
import org.dmpgateway.model.DocumentEntryRecord;
import org.openehealth.ipf.commons.ihe.xds.core.XdsJaxbDataBinding;
import org.openehealth.ipf.commons.ihe.xds.core.metadata.AvailabilityStatus;
import org.openehealth.ipf.commons.ihe.xds.core.metadata.Code;
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
 * Each value is still decided where it was: IPF's model of a composite, code or sourcePatientInfo
 * and its rendering come from {@link SharedComposites} (one parse per distinct value of the answer),
 * a composite of the DMP's conventions is given back as sent by {@link ValuesAsSent#given}, times
 * by {@link XdsValues#hl7Time}. Only the ebXML layout is written here.
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

    private final XMLStreamWriter out;
    private final String prefix;
    private final SharedComposites shared;

    /**
     * @param out    where the entries are written
     * @param prefix the prefix bound to {@link #RIM} where they are written ("" for the default namespace)
     * @param shared the values the answer's entries share
     */
    public ExtrinsicObjectWriter(XMLStreamWriter out, String prefix, SharedComposites shared) {
        this.out = out;
        this.prefix = prefix;
        this.shared = shared;
    }

    /** Writes the entry's {@code rim:ExtrinsicObject}. */
    public void write(DocumentEntryRecord r) throws XMLStreamException {
        String id = r.entryUuid();
        start("ExtrinsicObject");
        attribute("mimeType", r.mimeType());
        attribute("lid", r.logicalUuid());
        attribute("objectType", DocumentEntryType.toUuid(r.onDemand() ? DocumentEntryType.ON_DEMAND : DocumentEntryType.STABLE));
        attribute("status", AvailabilityStatus.toQueryOpcode(XdsValues.status(r.availabilityStatus())));
        attribute("id", id);
        attribute("home", r.homeCommunityId());
        slots(r);
        localized("Name", XdsValues.text(r.title()));
        localized("Description", XdsValues.text(r.comments()));
        if (r.version() != null) {
            start("VersionInfo");
            attribute("versionName", r.version());
            out.writeEndElement();
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
            out.writeEndElement();
        }
        externalIdentifier(id, DOC_ENTRY_PATIENT_ID_EXTERNAL_ID,
                ValuesAsSent.given(shared.patient(r.patientId(), r.patientIdAsSent()), shared),
                DOC_ENTRY_LOCALIZED_STRING_PATIENT_ID);
        externalIdentifier(id, DOC_ENTRY_UNIQUE_ID_EXTERNAL_ID, r.uniqueId(), DOC_ENTRY_LOCALIZED_STRING_UNIQUE_ID);
        out.writeEndElement();
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
        slot(SLOT_NAME_LEGAL_AUTHENTICATOR, rendered(r.legalAuthenticator(), Person.class));
        slot(SLOT_NAME_SOURCE_PATIENT_ID, ValuesAsSent.given(shared.parse(r.sourcePatientId(), Identifiable.class), shared));
        slot(SLOT_NAME_SOURCE_PATIENT_INFO, shared.patientInfoValues(r.sourcePatientInfo()));
        slot(SLOT_NAME_REFERENCE_ID_LIST, renderedAll(r.referenceIds(), ReferenceId.class));
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
        slot(SLOT_NAME_AUTHOR_PERSON, rendered(a.person(), Person.class));
        slot(SLOT_NAME_AUTHOR_INSTITUTION, givenAll(a.institutions(), Organization.class));
        slot(SLOT_NAME_AUTHOR_ROLE, givenAll(a.roles(), Identifiable.class));
        slot(SLOT_NAME_AUTHOR_SPECIALTY, givenAll(a.specialties(), Identifiable.class));
        slot(SLOT_NAME_AUTHOR_TELECOM, renderedAll(a.telecoms(), Telecom.class));
        out.writeEndElement();
    }

    private void code(String id, String scheme, CodedValue value) throws XMLStreamException {
        Code code = shared.code(value);
        if (code == null) {
            return;
        }
        startClassification(scheme, id, null, code.getCode());
        slot(SLOT_NAME_CODING_SCHEME, code.getSchemeName());
        localized("Name", code.getDisplayName());
        out.writeEndElement();
    }

    private void startClassification(String scheme, String classified, String node, String representation)
            throws XMLStreamException {
        start("Classification");
        attribute("classificationScheme", scheme);
        attribute("classifiedObject", classified);
        attribute("classificationNode", node);
        attribute("nodeRepresentation", representation);
        attribute("objectType", CLASSIFICATION_TYPE);
        attribute("id", randomId());
    }

    private void externalIdentifier(String id, String scheme, String value, String name) throws XMLStreamException {
        if (value == null) {
            return;
        }
        start("ExternalIdentifier");
        attribute("registryObject", id);
        attribute("identificationScheme", scheme);
        attribute("value", value);
        attribute("objectType", EXTERNAL_IDENTIFIER_TYPE);
        attribute("id", randomId());
        localized("Name", new LocalizedString(name, null, null));
        out.writeEndElement();
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
        start("Slot");
        attribute("name", name);
        start("ValueList");
        for (String v : values) {
            start("Value");
            out.writeCharacters(v);
            out.writeEndElement();
        }
        out.writeEndElement();
        out.writeEndElement();
    }

    private void localized(String element, LocalizedString s) throws XMLStreamException {
        if (s == null) {
            return;
        }
        start(element);
        start("LocalizedString");
        if (s.getLang() != null) {
            out.writeAttribute(XMLConstants.XML_NS_PREFIX, XMLConstants.XML_NS_URI, "lang", s.getLang());
        }
        attribute("charset", s.getCharset());
        attribute("value", s.getValue());
        out.writeEndElement();
        out.writeEndElement();
    }

    /** IPF's rendering of the composite (null: none). */
    private <C extends Composite, T extends Hl7v2Based<C>> String rendered(String hl7, Class<T> type) {
        T value = shared.parse(hl7, type);
        return value == null ? null : shared.forms(value)[0];
    }

    private <C extends Composite, T extends Hl7v2Based<C>> List<String> renderedAll(List<String> hl7, Class<T> type) {
        List<String> out = new ArrayList<>(hl7.size());
        for (String s : hl7) {
            out.add(rendered(s, type));
        }
        return out;
    }

    private <C extends Composite, T extends Hl7v2Based<C>> List<String> givenAll(List<String> hl7, Class<T> type) {
        List<String> out = new ArrayList<>(hl7.size());
        for (String s : hl7) {
            out.add(ValuesAsSent.given(shared.parse(s, type), shared));
        }
        return out;
    }

    private void start(String local) throws XMLStreamException {
        out.writeStartElement(prefix, local, RIM);
    }

    private void attribute(String name, String value) throws XMLStreamException {
        if (value != null) {
            out.writeAttribute(name, value);
        }
    }

    private static String randomId() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        long high = (random.nextLong() & ~0xF000L) | 0x4000L;
        long low = (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return "urn:uuid:" + new UUID(high, low);
    }
}
