package org.dmpgateway.mappings.xds.validation;

import jakarta.xml.bind.JAXBElement;
import org.openehealth.ipf.commons.ihe.xds.core.ebxml.ebxml30.ProvideAndRegisterDocumentSetRequestType;
import org.openehealth.ipf.commons.ihe.xds.core.stub.ebrs30.lcm.SubmitObjectsRequest;
import org.openehealth.ipf.commons.ihe.xds.core.stub.ebrs30.query.AdhocQueryRequest;
import org.openehealth.ipf.commons.ihe.xds.core.stub.ebrs30.query.AdhocQueryResponse;
import org.openehealth.ipf.commons.ihe.xds.core.stub.ebrs30.rim.ClassificationType;
import org.openehealth.ipf.commons.ihe.xds.core.stub.ebrs30.rim.ExternalIdentifierType;
import org.openehealth.ipf.commons.ihe.xds.core.stub.ebrs30.rim.ExtrinsicObjectType;
import org.openehealth.ipf.commons.ihe.xds.core.stub.ebrs30.rim.IdentifiableType;
import org.openehealth.ipf.commons.ihe.xds.core.stub.ebrs30.rim.RegistryObjectListType;
import org.openehealth.ipf.commons.ihe.xds.core.stub.ebrs30.rim.RegistryObjectType;
import org.openehealth.ipf.commons.ihe.xds.core.stub.ebrs30.rim.SlotType1;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The DMP's profile of IPF's XDS validation: the conventions of the DMP (CI-SIS) that IHE's generic
 * validation, as IPF implements it, is stricter than. IPF's validators run unchanged, on a view of
 * the message in which each value written in a DMP convention stands in its plain IHE form; the
 * message itself is given back exactly as it came. (What is then stored is what IPF's metadata
 * model keeps of it: the CX's id and authority, the XON's name, id and authority, the
 * authorSpecialty's code; see docs/conformance-statement.md, known limits.) Every other rule, and
 * every value outside these conventions, is IPF's.
 *
 * <p>The conventions, each seen in the official DMP example messages ("DMP_LPS_Exemple de messages"
 * v02.05.00, reference-examples/dmp-official/) and listed in docs/conformance-statement.md:
 * <ul>
 *   <li><b>CX with its identifier type code and effective date</b>, e.g. the patient
 *       {@code 207058575627097^^^&1.2.250.1.213.1.4.10&ISO^NH^^20100907} (TD2.1, TD3.3c/d),
 *       {@code '207058575627097^^^&1.2.250.1.213.1.4.10&ISO^NH'} in a query (TD3.1), the local
 *       {@code sourcePatientId} {@code 0456789999^^^&1.2.250.1.999.1.1.7898.2&ISO^PI}. IPF accepts
 *       only the id and the assigning authority ("Only the ID number and the assigning authority can
 *       be defined for a CX value"); IPF sees {@code id^^^&OID&ISO}. Applies to the patient ids
 *       (document entry, submission set, folder, their query parameters) and sourcePatientId.</li>
 *   <li><b>XON with the identifier type code IDNST</b> (national structure identifier) before the
 *       structure id, e.g. {@code CABINET DR LIBRE^^^^^&1.2.250.1.71.4.2.2&ISO^IDNST^^^499900063480001}
 *       (authorInstitution, TD2.1, TD3.1, TD3.3c/d). IPF refuses any XON.7 ("An organization should
 *       not specify data other than its ID and name"); IPF sees XON.7 empty.</li>
 *   <li><b>authorSpecialty (and authorRole) as a coded value</b> {@code code^displayName^OID}, e.g.
 *       {@code G15_10/SM26^Médecin - Qualifié en Médecine Générale (SM)^1.2.250.1.213.1.1.4.5}
 *       (TD2.1, TD3.1, TD3.3c/d). IPF reads these slots as a CX and refuses the display name in
 *       CX.2; IPF sees {@code code^^^&OID&ISO}.</li>
 *   <li><b>A Classification without classifiedObject, nested in the object it classifies</b>
 *       (the submission set's author in TD3.3c/d, answered Success by the DMP): it classifies that
 *       object. IPF refuses "Classification does not classify any object". Kept after
 *       validation, as the object it classifies is not in doubt.</li>
 *   <li><b>A Document's id matched to its entry's ignoring letter case</b> (TD2.1: entry
 *       {@code DocumentME2}, content {@code documentME2}); this one is kept, see
 *       {@link #matchDocumentIds}.</li>
 * </ul>
 */
public final class DmpValidationProfile {
    /** patientId of the document entry, the submission set, the folder. */
    private static final Set<String> PATIENT_ID_SCHEMES = Set.of(
            "urn:uuid:58a6f841-87b3-4a3e-92fd-a8ffeff98427",
            "urn:uuid:6b5aea1a-874d-4603-a4bc-96a0a7b38446",
            "urn:uuid:f64ffdf0-4b97-4e06-b79f-a52b38ec2f8a");
    private static final Set<String> CX_SLOTS = Set.of("sourcePatientId", "$XDSDocumentEntryPatientId",
            "$XDSSubmissionSetPatientId", "$XDSFolderPatientId", "$patientId");
    private static final String XON_SLOT = "authorInstitution";
    private static final Set<String> AUTHOR_CODE_SLOTS = Set.of("authorSpecialty", "authorRole");
    /** {@code code^displayName^OID}: the author's specialty or role as a coded value (CE). */
    private static final Pattern CODED_AUTHOR_VALUE = Pattern.compile("([^^&]+)\\^[^^&]*\\^([0-2](\\.\\d+)+)");
    /** The XON.7 identifier type codes of the DMP: IDNST, the national structure identifier. */
    static final Set<String> XON_TYPE_CODES = Set.of("IDNST");

    /**
     * {@code id^^^&OID&ISO} followed by CX.5 (type code, e.g. NH, PI) and optionally CX.7 / CX.8
     * (effective and expiration dates), alone or quoted in a query parameter.
     */
    private static final Pattern CX_WITH_TYPE = Pattern.compile(
            "([^'^&(),]+\\^\\^\\^&[0-9.]+&ISO)\\^[A-Z]{2,5}(\\^\\^\\d{4,14}(\\^\\d{4,14})?)?(?=$|')");

    private DmpValidationProfile() {
    }

    /**
     * Runs {@code validation} (IPF's validator) on the ebXML {@code message} seen in its IHE form,
     * then gives the message back as it was, whether the validation passed or threw.
     */
    public static void validate(Object message, Validation validation) throws Exception {
        List<Runnable> restore = new ArrayList<>();
        try {
            toIheForm(message, restore);
            validation.run();
        } finally {
            for (int i = restore.size() - 1; i >= 0; i--) {
                restore.get(i).run();
            }
        }
    }

    /** IPF's validation of the message (a validator processor, a validator's validate call). */
    @FunctionalInterface
    public interface Validation {
        void run() throws Exception;
    }

    /** The IHE form of a CX written in the DMP's convention (the value itself otherwise). */
    public static String cxInIheForm(String value) {
        return value == null ? null : CX_WITH_TYPE.matcher(value).replaceAll("$1");
    }

    /**
     * The IHE form of an authorSpecialty or authorRole written as a coded value (the value itself
     * otherwise): {@code code^displayName^OID} as {@code code^^^&OID&ISO}.
     */
    public static String authorCodeInIheForm(String value) {
        if (value == null) {
            return null;
        }
        Matcher m = CODED_AUTHOR_VALUE.matcher(value);
        return m.matches() ? m.group(1) + "^^^&" + m.group(2) + "&ISO" : value;
    }

    /** The IHE form of an XON written in the DMP's convention (the value itself otherwise). */
    public static String xonInIheForm(String value) {
        if (value == null) {
            return null;
        }
        String[] parts = value.split("\\^", -1);
        if (parts.length >= 7 && XON_TYPE_CODES.contains(parts[6])) {
            parts[6] = "";
            return String.join("^", parts);
        }
        return value;
    }

    // ------------------------------------------------------------------ the walk

    private static void toIheForm(Object message, List<Runnable> restore) {
        if (message instanceof ProvideAndRegisterDocumentSetRequestType p) {
            matchDocumentIds(p);
            toIheForm(p.getSubmitObjectsRequest(), restore);
        } else if (message instanceof SubmitObjectsRequest s) {
            objects(s.getRegistryObjectList(), restore);
        } else if (message instanceof AdhocQueryResponse r) {
            objects(r.getRegistryObjectList(), restore);
        } else if (message instanceof AdhocQueryRequest q && q.getAdhocQuery() != null) {
            slots(q.getAdhocQuery().getSlot(), restore);
        }
    }

    /**
     * Gives each Document whose id names no document entry, but names exactly one ignoring letter
     * case, that entry's id. The official TD2.1 sends the content of the entry {@code DocumentME2} as
     * {@code <Document id="documentME2">}, and the DMP answers Success. Kept after validation: the
     * content belongs to that entry. Any other mismatch is left for IPF to refuse
     * (XDSMissingDocument / XDSMissingDocumentMetadata).
     */
    public static void matchDocumentIds(ProvideAndRegisterDocumentSetRequestType request) {
        if (request.getSubmitObjectsRequest() == null || request.getSubmitObjectsRequest().getRegistryObjectList() == null) {
            return;
        }
        List<String> entryIds = request.getSubmitObjectsRequest().getRegistryObjectList().getIdentifiable().stream()
                .map(JAXBElement::getValue).filter(o -> o instanceof ExtrinsicObjectType).map(IdentifiableType::getId)
                .toList();
        for (ProvideAndRegisterDocumentSetRequestType.Document document : request.getDocument()) {
            String id = document.getId();
            if (id == null || entryIds.contains(id)) {
                continue;
            }
            List<String> sameIgnoringCase = entryIds.stream().filter(id::equalsIgnoreCase).toList();
            boolean taken = request.getDocument().stream().anyMatch(d -> sameIgnoringCase.contains(d.getId()));
            if (sameIgnoringCase.size() == 1 && !taken) {
                document.setId(sameIgnoringCase.get(0));
            }
        }
    }

    private static void objects(RegistryObjectListType list, List<Runnable> restore) {
        if (list == null) {
            return;
        }
        for (JAXBElement<? extends IdentifiableType> element : list.getIdentifiable()) {
            IdentifiableType object = element.getValue();
            slots(object.getSlot(), restore);
            if (object instanceof RegistryObjectType registryObject) {
                for (ClassificationType classification : registryObject.getClassification()) {
                    if (classification.getClassifiedObject() == null || classification.getClassifiedObject().isBlank()) {
                        // nested in the object it classifies: that object (kept after validation)
                        classification.setClassifiedObject(registryObject.getId());
                    }
                    slots(classification.getSlot(), restore);
                }
                for (ExternalIdentifierType identifier : registryObject.getExternalIdentifier()) {
                    if (PATIENT_ID_SCHEMES.contains(identifier.getIdentificationScheme())) {
                        String original = identifier.getValue();
                        String ihe = cxInIheForm(original);
                        if (!ihe.equals(original)) {
                            identifier.setValue(ihe);
                            restore.add(() -> identifier.setValue(original));
                        }
                    }
                }
            }
        }
    }

    private static void slots(List<SlotType1> slots, List<Runnable> restore) {
        for (SlotType1 slot : slots) {
            boolean cx = CX_SLOTS.contains(slot.getName());
            boolean xon = XON_SLOT.equals(slot.getName());
            boolean authorCode = AUTHOR_CODE_SLOTS.contains(slot.getName());
            if ((!cx && !xon && !authorCode) || slot.getValueList() == null) {
                continue;
            }
            List<String> values = slot.getValueList().getValue();
            for (int i = 0; i < values.size(); i++) {
                String original = values.get(i);
                String ihe = cx ? cxInIheForm(original) : xon ? xonInIheForm(original) : authorCodeInIheForm(original);
                if (ihe != null && !ihe.equals(original)) {
                    int index = i;
                    values.set(index, ihe);
                    restore.add(() -> values.set(index, original));
                }
            }
        }
    }
}
