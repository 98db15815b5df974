package org.dmpgateway.mappings.fhir.list;

import org.dmpgateway.mappings.fhir.bundle.ProvideBundleMapper;
import org.dmpgateway.mappings.fhir.common.FhirAuthors;
import org.dmpgateway.mappings.fhir.common.FhirCodes;
import org.dmpgateway.mappings.fhir.common.FhirDates;
import org.dmpgateway.mappings.fhir.common.FhirRefs;
import org.dmpgateway.mappings.fhir.common.MhdUrls;
import org.dmpgateway.mappings.fhir.common.Problems;
import org.dmpgateway.mappings.fhir.documentreference.DocumentReferenceIds;
import org.dmpgateway.mappings.fhir.patient.PatientIds;
import org.dmpgateway.model.error.DmpException;
import org.dmpgateway.model.AuthorInfo;
import org.dmpgateway.model.CodedValue;
import org.dmpgateway.model.EntryStatus;
import org.dmpgateway.model.FolderRecord;
import org.dmpgateway.model.PatientRef;
import org.dmpgateway.model.SubmissionSetRecord;
import org.hl7.fhir.r4.model.Annotation;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DomainResource;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.ListResource;
import org.hl7.fhir.r4.model.Organization;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.openehealth.ipf.commons.ihe.xds.core.transform.ebxml.RecipientTransformer;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * MHD 4.2 List resources to and from the internal submission set and folder records.
 * <ul>
 * <li>SubmissionSet: List.code {@code submissionset} (system MHDlistTypes); identifier use official
 * = entryUUID ({@code urn:uuid:}), use usual = uniqueId ({@code urn:oid:}); extension ihe-sourceId
 * (valueIdentifier {@code urn:oid:X}) = sourceId; extension ihe-designationType = contentTypeCode;
 * extension(s) ihe-intendedRecipient = intendedRecipient ({@code XON|XCN|XTN}); subject = patientId;
 * date = submissionTime; source = the author (an ihe-authorOrg extension on source adds its
 * institution); title; note = comments.</li>
 * <li>Folder: List.code {@code folder}; same identifiers; extension(s) ihe-designationType = codeList;
 * date = lastUpdateTime; title; note = comments.</li>
 * <li>Status: current = Approved; retired = Deprecated (folders). Members (List.entry.item) are
 * associations, read by {@link ProvideBundleMapper}; outbound, a member given as a bare UUID
 * or {@code urn:uuid:} is a {@code DocumentReference/<id>}, one given as {@code Type/id} is kept.</li>
 * </ul>
 * A SubmissionSet List carries one author (List.source): further authors of a stored submission set
 * are not written.
 */
public final class ListMapper {
    public static final String SUBMISSION_SET = "submissionset";
    public static final String FOLDER = "folder";
    private static final RecipientTransformer RECIPIENTS = new RecipientTransformer();

    private ListMapper() {
    }

    // ------------------------------------------------------------------ inbound

    /** @throws DmpException METADATA_ERROR listing every problem */
    public static SubmissionSetRecord toSubmissionSet(ListResource list, Function<String, Resource> resolver) {
        Problems p = new Problems(null, null);
        SubmissionSetRecord s = readSubmissionSet(list, resolver, DocumentReferenceIds.officialUuid(list.getIdentifier()) != null
                ? DocumentReferenceIds.officialUuid(list.getIdentifier()) : idOf(list), p);
        p.throwIfAny();
        return s;
    }

    /** @throws DmpException METADATA_ERROR listing every problem */
    public static FolderRecord toFolder(ListResource list, Function<String, Resource> resolver) {
        Problems p = new Problems(null, null);
        FolderRecord f = readFolder(list, resolver, DocumentReferenceIds.officialUuid(list.getIdentifier()) != null
                ? DocumentReferenceIds.officialUuid(list.getIdentifier()) : idOf(list), p);
        p.throwIfAny();
        return f;
    }

    /** The List.code of MHD (submissionset, folder) or null. */
    public static String listType(ListResource list) {
        for (Coding c : list.getCode().getCoding()) {
            if (MhdUrls.LIST_TYPES.equals(c.getSystem())) {
                return c.getCode();
            }
        }
        return null;
    }

    /** The references of List.entry.item, in order. */
    public static List<String> memberReferences(ListResource list) {
        List<String> out = new ArrayList<>();
        list.getEntry().forEach(e -> out.add(e.getItem().getReference()));
        return out;
    }

    private static String idOf(ListResource list) {
        String id = list.getIdElement().getIdPart();
        if (id == null) {
            return null;
        }
        return id.matches("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}")
                ? "urn:uuid:" + id.toLowerCase() : id;
    }

    public static SubmissionSetRecord readSubmissionSet(ListResource list, Function<String, Resource> resolver, String entryUuid,
                                                 Problems p) {
        int before = p.errors().size();
        Function<String, Resource> resolve = contained(list, resolver);
        if (!SUBMISSION_SET.equals(listType(list))) {
            p.add("List.code", "a submission set is a List with code " + SUBMISSION_SET + " of " + MhdUrls.LIST_TYPES);
        }
        String uniqueId = p.attempt(() -> uniqueId(list, "List.identifier"));
        if (uniqueId == null && p.errors().size() == before) {
            p.add("List.identifier", "the submission set's uniqueId is required (identifier use usual, urn:oid:<OID>)");
        }
        String sourceId = null;
        Extension source = list.getExtensionByUrl(MhdUrls.EXT_SOURCE_ID);
        if (source == null || !(source.getValue() instanceof Identifier id) || !id.hasValue()) {
            p.add("List.extension:sourceId", "the sourceId is required (extension " + MhdUrls.EXT_SOURCE_ID
                    + ", valueIdentifier urn:oid:<OID>)");
        } else {
            sourceId = p.attempt(() -> DocumentReferenceIds.uniqueIdFromValue(id.getValue(), "List.extension:sourceId"));
        }
        PatientRef patient = p.attempt(() -> PatientIds.fromReference(list.getSubject(), resolve, "List.subject"));
        String time = list.hasDateElement() ? FhirDates.toHl7(list.getDateElement()) : null;
        if (time == null) {
            p.add("List.date", "the submissionTime is required");
        }
        Extension designation = list.getExtensionByUrl(MhdUrls.EXT_DESIGNATION_TYPE);
        CodedValue contentType = designation == null || !(designation.getValue() instanceof CodeableConcept cc) ? null
                : p.attempt(() -> FhirCodes.read(cc, "List.extension:designationType"));
        if (designation == null) {
            p.add("List.extension:designationType", "the contentTypeCode is required (extension "
                    + MhdUrls.EXT_DESIGNATION_TYPE + ")");
        }
        List<AuthorInfo> authors = new ArrayList<>();
        if (list.hasSource()) {
            AuthorInfo a = p.attempt(() -> FhirAuthors.read(list.getSource(), list, resolve, "List.source"));
            Extension org = list.getSource().getExtensionByUrl(MhdUrls.EXT_AUTHOR_ORG);
            if (a != null && org != null && org.getValue() instanceof Reference orgRef) {
                Resource o = FhirRefs.resolve(orgRef, list, resolve);
                if (o instanceof Organization organization) {
                    List<String> institutions = new ArrayList<>(a.institutions());
                    institutions.add(FhirAuthors.xon(organization));
                    a = new AuthorInfo(a.person(), institutions, a.roles(), a.specialties(), a.telecoms());
                } else {
                    p.add("List.source.extension:authorOrg", "reference " + orgRef.getReference()
                            + " does not resolve to an Organization");
                }
            }
            if (a != null) {
                authors.add(a);
            }
        }
        List<String> recipients = new ArrayList<>();
        for (Extension e : list.getExtensionsByUrl(MhdUrls.EXT_INTENDED_RECIPIENT)) {
            if (e.getValue() instanceof Reference ref) {
                String r = p.attempt(() -> recipient(ref, list, resolve));
                if (r != null) {
                    recipients.add(r);
                }
            }
        }
        if (p.errors().size() > before) {
            return null;
        }
        return new SubmissionSetRecord(entryUuid, uniqueId, sourceId, null, patient, time, contentType, authors, recipients,
                list.hasTitle() ? list.getTitle() : null, comments(list), status(list), false, Map.of());
    }

    public static FolderRecord readFolder(ListResource list, Function<String, Resource> resolver, String entryUuid, Problems p) {
        int before = p.errors().size();
        Function<String, Resource> resolve = contained(list, resolver);
        if (!FOLDER.equals(listType(list))) {
            p.add("List.code", "a folder is a List with code " + FOLDER + " of " + MhdUrls.LIST_TYPES);
        }
        String uniqueId = p.attempt(() -> uniqueId(list, "List.identifier"));
        if (uniqueId == null && p.errors().size() == before) {
            p.add("List.identifier", "the folder's uniqueId is required (identifier use usual, urn:oid:<OID>)");
        }
        PatientRef patient = p.attempt(() -> PatientIds.fromReference(list.getSubject(), resolve, "List.subject"));
        List<CodedValue> codes = new ArrayList<>();
        for (Extension e : list.getExtensionsByUrl(MhdUrls.EXT_DESIGNATION_TYPE)) {
            if (e.getValue() instanceof CodeableConcept cc) {
                CodedValue c = p.attempt(() -> FhirCodes.read(cc, "List.extension:designationType"));
                if (c != null) {
                    codes.add(c);
                }
            }
        }
        if (codes.isEmpty() && p.errors().size() == before) {
            p.add("List.extension:designationType", "a folder needs at least one code (XDS Folder.codeList, "
                    + "MHD extension " + MhdUrls.EXT_DESIGNATION_TYPE + ")");
        }
        if (p.errors().size() > before) {
            return null;
        }
        return new FolderRecord(entryUuid, null, null, uniqueId, null, patient, codes,
                list.hasDateElement() ? FhirDates.toHl7(list.getDateElement()) : null,
                list.hasTitle() ? list.getTitle() : null, comments(list), status(list), false, Map.of());
    }

    private static Function<String, Resource> contained(DomainResource r, Function<String, Resource> resolver) {
        return ref -> ref.startsWith("#") ? FhirRefs.contained(r, ref.substring(1)) : resolver == null ? null : resolver.apply(ref);
    }

    private static String uniqueId(ListResource list, String field) {
        for (Identifier i : list.getIdentifier()) {
            if (i.getUse() != Identifier.IdentifierUse.OFFICIAL && i.hasValue()) {
                return DocumentReferenceIds.uniqueIdFromValue(i.getValue(), field);
            }
        }
        return null;
    }

    private static String comments(ListResource list) {
        return list.hasNote() ? list.getNoteFirstRep().getText() : null;
    }

    private static EntryStatus status(ListResource list) {
        if (!list.hasStatus()) {
            return null;
        }
        return list.getStatus() == ListResource.ListStatus.CURRENT ? EntryStatus.APPROVED : EntryStatus.DEPRECATED;
    }

    /** An intended recipient as the XDS slot value {@code XON|XCN|XTN} (IPF's form). */
    private static String recipient(Reference ref, DomainResource container, Function<String, Resource> resolve) {
        Resource r = FhirRefs.resolve(ref, container, resolve);
        if (r == null) {
            throw FhirAuthors.unresolved("List.extension:intendedRecipient", ref);
        }
        AuthorInfo who = FhirAuthors.read(r, container, resolve, "List.extension:intendedRecipient");
        String xon = who.institutions().isEmpty() ? "" : who.institutions().get(0);
        String xcn = who.person() == null ? "" : who.person();
        String xtn = who.telecoms().isEmpty() ? "" : who.telecoms().get(0);
        String value = xon + "|" + xcn + "|" + xtn;
        while (value.endsWith("|")) {
            value = value.substring(0, value.length() - 1);
        }
        return RECIPIENTS.toEbXML(RECIPIENTS.fromEbXML(value));
    }

    // ------------------------------------------------------------------ outbound

    public static ListResource toResource(SubmissionSetRecord s, List<String> memberEntryUuids) {
        ListResource list = base(s.entryUuid(), s.uniqueId(), SUBMISSION_SET, s.patientId(), s.availabilityStatus(),
                s.title(), s.comments(), memberEntryUuids);
        list.getMeta().addProfile(MhdUrls.PROFILE_SUBMISSION_SET);
        if (s.sourceId() != null) {
            list.addExtension(new Extension(MhdUrls.EXT_SOURCE_ID, new Identifier().setSystem(MhdUrls.URI_SYSTEM)
                    .setValue(DocumentReferenceIds.uniqueIdToValue(s.sourceId()))));
        }
        if (s.contentTypeCode() != null) {
            list.addExtension(new Extension(MhdUrls.EXT_DESIGNATION_TYPE, FhirCodes.concept(s.contentTypeCode())));
        }
        for (int i = 0; i < s.intendedRecipients().size(); i++) {
            list.addExtension(new Extension(MhdUrls.EXT_INTENDED_RECIPIENT,
                    recipientReference(s.intendedRecipients().get(i), list, "recipient" + (i + 1))));
        }
        if (s.submissionTime() != null) {
            list.setDateElement(FhirDates.toDateTime(s.submissionTime(), "submissionTime"));
        }
        if (!s.authors().isEmpty()) {
            list.setSource(FhirAuthors.write(s.authors().get(0), list, "author1"));
        }
        return list;
    }

    public static ListResource toResource(FolderRecord f, List<String> memberEntryUuids) {
        ListResource list = base(f.entryUuid(), f.uniqueId(), FOLDER, f.patientId(), f.availabilityStatus(), f.title(),
                f.comments(), memberEntryUuids);
        list.getMeta().addProfile(MhdUrls.PROFILE_FOLDER);
        f.codes().forEach(c -> list.addExtension(new Extension(MhdUrls.EXT_DESIGNATION_TYPE, FhirCodes.concept(c))));
        if (f.lastUpdateTime() != null) {
            list.setDateElement(FhirDates.toDateTime(f.lastUpdateTime(), "lastUpdateTime"));
        }
        if (f.version() != null) {
            list.getMeta().setVersionId(f.version());
        }
        return list;
    }

    private static ListResource base(String entryUuid, String uniqueId, String code, PatientRef patient, EntryStatus status,
                                     String title, String comments, List<String> members) {
        ListResource list = new ListResource();
        if (entryUuid != null) {
            list.setId(entryUuid.startsWith("urn:uuid:") ? entryUuid.substring(9) : entryUuid);
            list.addIdentifier().setUse(Identifier.IdentifierUse.OFFICIAL).setSystem(MhdUrls.URI_SYSTEM)
                    .setValue(entryUuid.startsWith("urn:uuid:") ? entryUuid : "urn:uuid:" + entryUuid);
        }
        if (uniqueId != null) {
            list.addIdentifier().setUse(Identifier.IdentifierUse.USUAL).setSystem(MhdUrls.URI_SYSTEM)
                    .setValue(DocumentReferenceIds.uniqueIdToValue(uniqueId));
        }
        list.setStatus(status == EntryStatus.DEPRECATED ? ListResource.ListStatus.RETIRED : ListResource.ListStatus.CURRENT);
        list.setMode(ListResource.ListMode.WORKING);
        list.setCode(new CodeableConcept().addCoding(new Coding(MhdUrls.LIST_TYPES, code, null)));
        if (patient != null) {
            list.setSubject(PatientIds.reference(patient));
        }
        if (title != null) {
            list.setTitle(title);
        }
        if (comments != null) {
            list.addNote(new Annotation().setText(comments));
        }
        if (members != null) {
            for (String m : members) {
                list.addEntry().setItem(new Reference(memberReference(m)));
            }
        }
        return list;
    }

    private static String memberReference(String member) {
        if (member.contains("/")) {
            return member;
        }
        return "DocumentReference/" + (member.startsWith("urn:uuid:") ? member.substring(9) : member);
    }

    private static Reference recipientReference(String value, ListResource list, String idBase) {
        String[] parts = value.split("\\|", -1);
        String xon = parts.length > 0 ? parts[0] : "";
        String xcn = parts.length > 1 ? parts[1] : "";
        String xtn = parts.length > 2 ? parts[2] : "";
        AuthorInfo as = new AuthorInfo(xcn.isEmpty() ? null : xcn, xon.isEmpty() ? List.of() : List.of(xon), List.of(),
                List.of(), xtn.isEmpty() ? List.of() : List.of(xtn));
        return FhirAuthors.write(as, list, idBase);
    }
}
