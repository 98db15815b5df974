package org.dmpgateway.mappings.fhir.bundle;

import org.dmpgateway.mappings.fhir.common.Problems;
import org.dmpgateway.mappings.fhir.documentreference.DocumentReferenceIds;
import org.dmpgateway.mappings.fhir.documentreference.DocumentReferenceReader;
import org.dmpgateway.mappings.fhir.list.ListMapper;
import org.dmpgateway.model.error.DmpErrorCode;
import org.dmpgateway.model.error.DmpException;
import org.dmpgateway.model.DocumentBytes;
import org.dmpgateway.model.AssociationKind;
import org.dmpgateway.model.AssociationRecord;
import org.dmpgateway.model.DocumentEntryRecord;
import org.dmpgateway.model.FolderRecord;
import org.dmpgateway.model.Submission;
import org.dmpgateway.model.SubmissionSetRecord;
import org.dmpgateway.model.SubmittedDocument;
import org.hl7.fhir.r4.model.Attachment;
import org.hl7.fhir.r4.model.Binary;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Bundle.BundleEntryComponent;
import org.hl7.fhir.r4.model.Bundle.HTTPVerb;
import org.hl7.fhir.r4.model.DocumentReference;
import org.hl7.fhir.r4.model.ListResource;
import org.hl7.fhir.r4.model.Resource;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;

/**
 * ITI-65 Provide Document Bundle (a transaction Bundle) to the internal {@link Submission}, in the shape {@code XdsSubmissionMapper} gives an ITI-41:
 * <ul>
 * <li>one submission set (the List {@code submissionset}), the documents (DocumentReference + content),
 * new folders (List {@code folder}, POST) and the associations: HasMember submission set -> each
 * document (label Original; Reference for an existing document listed by the submission set),
 * submission set -> each new folder, folder -> document plus submission set -> that association, and
 * the document relationships of DocumentReference.relatesTo (replaces RPLC, transforms XFRM, appends
 * APND, signs signs) whose target is {@code DocumentReference/<entryUUID of a registry document>}.</li>
 * <li>Ids: the fullUrls of a transaction are placeholders; each object gets the symbolic id
 * {@code bundle:<fullUrl>} (the core's SymbolicIds replaces it by a registry UUID), unless the
 * resource carries its entryUUID (identifier use official, urn:uuid:), which is kept as XDS keeps a
 * client-given entryUUID. Association ids are fresh UUIDs.</li>
 * <li>Content: Binary.data of the Binary entry that attachment.url names (fullUrl or Binary/id), or
 * attachment.data inline. A DocumentReference without either keeps a null content (the core answers
 * MISSING_DOCUMENT); a Binary no DocumentReference names is refused (MISSING_DOCUMENT_METADATA).</li>
 * <li>A List folder sent with PUT (MHD "add to an existing folder") adds the bundle's documents it lists
 * to the existing folder {@code urn:uuid:<id>} (HasMember folder -> document, plus submission set ->
 * association); its other items are taken as already members.</li>
 * <li>PATCH entries (PDSM4DMP TD2.1 replacement) are accepted only as a FHIRPath Parameters that
 * replaces DocumentReference.status by superseded on a document that a DocumentReference of the same
 * bundle replaces: the RPLC association deprecates it already, so the PATCH adds nothing
 * ({@link ReplacementPatch}).</li>
 * </ul>
 * ITI-105 is {@link SimplifiedPublishMapper}, the transaction-response {@link ProvideBundleResponseMapper}.
 * Every refusal names the entry ({@code entry <fullUrl>}) and the FHIR path; all are reported at once.
 */
public final class ProvideBundleMapper {
    /** Prefix of the symbolic ids given to bundle objects. */
    public static final String SYMBOLIC_PREFIX = "bundle:";

    private ProvideBundleMapper() {
    }

    /** @throws DmpException METADATA_ERROR (and MISSING_DOCUMENT_METADATA) listing every problem */
    public static Submission toSubmission(Bundle bundle) {
        return new BundleReading(bundle).read();
    }

    /** The reading of one bundle: indexes, then each entry, then the associations. */
    private static final class BundleReading {
        private final Bundle bundle;
        private final Problems problems = new Problems(null, null);
        private final Map<String, BundleEntryComponent> byReference = new HashMap<>();
        private final Map<BundleEntryComponent, String> ids = new LinkedHashMap<>();
        /** Each entry's position, for the entries without fullUrl (a lookup: indexOf made N refusals cost N^2). */
        private final Map<BundleEntryComponent, Integer> positions = new IdentityHashMap<>();
        private final Map<String, SubmittedDocument> documents = new LinkedHashMap<>(); // by fullUrl
        private final Map<String, FolderRecord> folders = new LinkedHashMap<>();
        private final List<AssociationRecord> associations = new ArrayList<>();
        private final Set<String> usedBinaries = new LinkedHashSet<>();
        private final Set<String> replacedIds = new LinkedHashSet<>();
        /** A Comprehensive bundle (not the Minimal one): every DocumentReference names its source patient. */
        private boolean comprehensive;

        BundleReading(Bundle bundle) {
            this.bundle = bundle;
        }

        Submission read() {
            if (bundle.getType() != Bundle.BundleType.TRANSACTION) {
                throw new DmpException(DmpErrorCode.METADATA_ERROR, "Bundle.type: a Provide Document Bundle is a "
                        + "transaction, got " + (bundle.hasType() ? bundle.getType().toCode() : "none"), "Bundle.type");
            }
            comprehensive = ProvideBundleProfiles.comprehensive(bundle);
            index();
            List<BundleEntryComponent> sets = new ArrayList<>();
            List<BundleEntryComponent> patches = new ArrayList<>();
            List<BundleEntryComponent> existingFolders = new ArrayList<>();
            for (BundleEntryComponent e : bundle.getEntry()) {
                Resource r = e.getResource();
                HTTPVerb method = e.getRequest().getMethod();
                if (method == HTTPVerb.PATCH) {
                    patches.add(e);
                } else if (r instanceof ListResource list && ListMapper.SUBMISSION_SET.equals(ListMapper.listType(list))
                        && method == HTTPVerb.POST) {
                    sets.add(e);
                } else if (r instanceof ListResource list && ListMapper.FOLDER.equals(ListMapper.listType(list))
                        && method == HTTPVerb.PUT) {
                    existingFolders.add(e);
                } else if (r instanceof ListResource list && ListMapper.FOLDER.equals(ListMapper.listType(list))
                        && method == HTTPVerb.POST) {
                    Problems p = entryProblems(e);
                    FolderRecord f = ListMapper.readFolder(list, this::resolve, ids.get(e), p);
                    problems.addAll(p.errors());
                    if (f != null) {
                        folders.put(e.getFullUrl(), f);
                    }
                } else if (r instanceof DocumentReference d && method == HTTPVerb.POST) {
                    readDocument(e, d);
                } else if (r instanceof Binary && method == HTTPVerb.POST) {
                    // read with the DocumentReference that names it
                } else {
                    refuse(e, DmpErrorCode.METADATA_ERROR, where(e), r == null ? "an entry needs a resource"
                            : r.fhirType() + " with " + (method == null ? "no method" : method.toCode())
                            + " is not part of a Provide Document Bundle (List, DocumentReference and Binary POST, "
                            + "folder List PUT, PATCH of a replaced document); the DMP patient is referenced, never created");
                }
            }
            if (sets.size() != 1) {
                problems.add("Bundle.entry", "a Provide Document Bundle has exactly one List with code submissionset "
                        + "(POST), got " + sets.size());
            }
            for (BundleEntryComponent e : bundle.getEntry()) {
                if (e.getResource() instanceof Binary && !usedBinaries.contains(e.getFullUrl())) {
                    refuse(e, DmpErrorCode.MISSING_DOCUMENT_METADATA, "Binary",
                            "no DocumentReference of the bundle names this Binary in content.attachment.url");
                }
            }
            patches.forEach(this::checkPatch);
            SubmissionSetRecord set = null;
            if (sets.size() == 1) {
                BundleEntryComponent e = sets.get(0);
                Problems p = entryProblems(e);
                set = ListMapper.readSubmissionSet((ListResource) e.getResource(), this::resolve, ids.get(e), p);
                problems.addAll(p.errors());
                if (set != null) {
                    memberships(set, (ListResource) e.getResource(), e);
                }
            }
            existingFolders.forEach(this::addToExistingFolder);
            problems.throwIfAny();
            return XdsConstraints.require(new Submission(set, List.copyOf(documents.values()),
                    List.copyOf(folders.values()), associations));
        }

        private void index() {
            for (int i = 0; i < bundle.getEntry().size(); i++) {
                BundleEntryComponent e = bundle.getEntry().get(i);
                positions.put(e, i);
                Resource r = e.getResource();
                if (e.hasFullUrl()) {
                    byReference.put(e.getFullUrl(), e);
                }
                if (r != null && r.getIdElement().hasIdPart()) {
                    byReference.putIfAbsent(r.fhirType() + "/" + r.getIdElement().getIdPart(), e);
                }
                String official = r instanceof DocumentReference d ? DocumentReferenceIds.officialUuid(d.getIdentifier())
                        : r instanceof ListResource l ? DocumentReferenceIds.officialUuid(l.getIdentifier()) : null;
                ids.put(e, official != null ? official
                        : SYMBOLIC_PREFIX + (e.hasFullUrl() ? e.getFullUrl() : "entry[" + i + "]"));
            }
        }

        private Resource resolve(String reference) {
            BundleEntryComponent e = byReference.get(reference);
            return e == null ? null : e.getResource();
        }

        private void readDocument(BundleEntryComponent e, DocumentReference d) {
            Problems p = entryProblems(e);
            if (comprehensive && !d.getContext().hasSourcePatientInfo()) {
                // MHD 4.2.3 Comprehensive DocumentReference: context.sourcePatientInfo 1..1; the DMP's DocumentEntry
                // has sourcePatientInfo 1..1 too (PDSM4DMP DocumentEntry), and the ANS ITI-65 examples carry it
                p.add("DocumentReference.context.sourcePatientInfo", "a Comprehensive Provide Document Bundle (declared in "
                        + "Bundle.meta.profile) names the patient as the source knows him: a Patient (contained) with "
                        + "the source's identifier (sourcePatientId: the local IPP, or the INS when there is none) and "
                        + "identity traits (sourcePatientInfo)");
            }
            DocumentEntryRecord entry = DocumentReferenceReader.read(d, this::resolve, ids.get(e), p);
            byte[] content = content(e, d, p);
            relations(e, d, p);
            problems.addAll(p.errors());
            if (entry != null) {
                documents.put(e.getFullUrl(), new SubmittedDocument(entry, DocumentBytes.of(content)));
            }
        }

        private byte[] content(BundleEntryComponent e, DocumentReference d, Problems p) {
            Attachment a = d.getContentFirstRep().getAttachment();
            if (a.hasData()) {
                return a.getData();
            }
            if (!a.hasUrl()) {
                return null;
            }
            BundleEntryComponent binary = byReference.get(a.getUrl());
            if (binary == null || !(binary.getResource() instanceof Binary b)) {
                p.add("DocumentReference.content.attachment.url", a.getUrl()
                        + " is not a Binary entry of the bundle (fullUrl or Binary/<id>); the DMP takes the content in the request");
                return null;
            }
            usedBinaries.add(binary.getFullUrl());
            if (!b.hasData()) {
                p.add("DocumentReference.content.attachment.url", "Binary " + a.getUrl() + " has no data");
                return null;
            }
            return b.getData();
        }

        private void relations(BundleEntryComponent e, DocumentReference d, Problems p) {
            for (int i = 0; i < d.getRelatesTo().size(); i++) {
                AssociationRecord a = DocumentRelations.relation(ids.get(e), d.getRelatesTo().get(i), i, p, this::resolve);
                if (a != null) {
                    associations.add(a);
                    if (a.kind() == AssociationKind.REPLACE) {
                        replacedIds.add(a.targetUuid().substring("urn:uuid:".length()));
                    }
                }
            }
        }

        private void memberships(SubmissionSetRecord set, ListResource list, BundleEntryComponent setEntry) {
            Problems p = entryProblems(setEntry);
            Set<String> members = new LinkedHashSet<>();
            List<String> items = ListMapper.memberReferences(list);
            for (int i = 0; i < items.size(); i++) {
                String item = items.get(i);
                BundleEntryComponent target = item == null ? null : byReference.get(item);
                if (target != null && documents.containsKey(target.getFullUrl())) {
                    members.add(target.getFullUrl());
                } else if (target != null && folders.containsKey(target.getFullUrl())) {
                    members.add(target.getFullUrl());
                } else if (target != null && target.getResource() instanceof DocumentReference) {
                    members.add(target.getFullUrl()); // refused above; nothing to associate
                } else if (item != null && DocumentRelations.DOCUMENT_TARGET.matcher(item).matches()) {
                    Matcher m = DocumentRelations.DOCUMENT_TARGET.matcher(item);
                    m.matches();
                    associations.add(DocumentRelations.hasMember(set.entryUuid(), "urn:uuid:" + m.group(1).toLowerCase(), "Reference"));
                } else {
                    p.add("List.entry[" + i + "].item", item + " is neither a DocumentReference or folder List of the "
                            + "bundle nor DocumentReference/<entryUUID> of a registry document");
                }
            }
            // MHD lists every document and folder of the bundle; a forgotten one is still a member
            members.addAll(documents.keySet());
            members.addAll(folders.keySet());
            for (String fullUrl : members) {
                if (documents.containsKey(fullUrl)) {
                    associations.add(DocumentRelations.hasMember(set.entryUuid(), documents.get(fullUrl).entry().entryUuid(), "Original"));
                } else if (folders.containsKey(fullUrl)) {
                    FolderRecord f = folders.get(fullUrl);
                    associations.add(DocumentRelations.hasMember(set.entryUuid(), f.entryUuid(), null));
                    ListResource folderList = (ListResource) byReference.get(fullUrl).getResource();
                    folderMembers(set.entryUuid(), f.entryUuid(), folderList, byReference.get(fullUrl), true);
                }
            }
            problems.addAll(p.errors());
        }

        private void folderMembers(String setUuid, String folderUuid, ListResource list, BundleEntryComponent e,
                                   boolean newFolder) {
            Problems p = entryProblems(e);
            List<String> items = ListMapper.memberReferences(list);
            for (int i = 0; i < items.size(); i++) {
                String item = items.get(i);
                BundleEntryComponent target = item == null ? null : byReference.get(item);
                String documentUuid = null;
                if (target != null && documents.containsKey(target.getFullUrl())) {
                    documentUuid = documents.get(target.getFullUrl()).entry().entryUuid();
                } else if (target != null && target.getResource() instanceof DocumentReference) {
                    continue; // refused with its own entry
                } else if (item != null && DocumentRelations.DOCUMENT_TARGET.matcher(item).matches()) {
                    if (!newFolder) {
                        continue; // an existing folder's existing member
                    }
                    Matcher m = DocumentRelations.DOCUMENT_TARGET.matcher(item);
                    m.matches();
                    documentUuid = "urn:uuid:" + m.group(1).toLowerCase();
                } else {
                    p.add("List.entry[" + i + "].item", item + " is neither a DocumentReference of the bundle nor "
                            + "DocumentReference/<entryUUID> of a registry document");
                    continue;
                }
                AssociationRecord membership = DocumentRelations.hasMember(folderUuid, documentUuid, null);
                associations.add(membership);
                associations.add(DocumentRelations.hasMember(setUuid, membership.entryUuid(), null));
            }
            problems.addAll(p.errors());
        }

        private void addToExistingFolder(BundleEntryComponent e) {
            Problems p = entryProblems(e);
            String url = e.getRequest().getUrl();
            String id = url != null && url.startsWith("List/") ? url.substring(5) : e.getResource().getIdElement().getIdPart();
            String official = DocumentReferenceIds.officialUuid(((ListResource) e.getResource()).getIdentifier());
            String folderUuid = official != null ? official
                    : id != null && id.matches("[0-9a-fA-F-]{36}") ? "urn:uuid:" + id.toLowerCase() : null;
            if (folderUuid == null) {
                p.add("Bundle.entry.request.url", "an existing folder is updated with PUT List/<entryUUID>, got " + url);
                problems.addAll(p.errors());
                return;
            }
            if (setUuid() != null) {
                folderMembers(setUuid(), folderUuid, (ListResource) e.getResource(), e, false);
            }
        }

        private String setUuid() {
            for (BundleEntryComponent e : bundle.getEntry()) {
                if (e.getResource() instanceof ListResource l && ListMapper.SUBMISSION_SET.equals(ListMapper.listType(l))) {
                    return ids.get(e);
                }
            }
            return null;
        }

        private void checkPatch(BundleEntryComponent e) {
            Problems p = entryProblems(e);
            ReplacementPatch.check(e, replacedIds, p);
            problems.addAll(p.errors());
        }

        private void refuse(BundleEntryComponent e, DmpErrorCode code, String field, String rule) {
            Problems p = entryProblems(e);
            p.add(code, field, rule);
            problems.addAll(p.errors());
        }

        private Problems entryProblems(BundleEntryComponent e) {
            String name = e.hasFullUrl() ? e.getFullUrl() : "#" + positions.get(e);
            return new Problems("entry " + name, name);
        }

        private String where(BundleEntryComponent e) {
            return e.getResource() == null ? "Bundle.entry" : e.getResource().fhirType();
        }
    }
}
