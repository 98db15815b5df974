package org.dmpgateway.mappings.fhir.bundle;

import org.dmpgateway.mappings.fhir.list.ListMapper;
import org.dmpgateway.mappings.fhir.list.ListMapperTest;
import org.dmpgateway.model.error.DmpErrorCode;
import org.dmpgateway.model.error.DmpException;
import org.dmpgateway.model.AssociationKind;
import org.dmpgateway.model.AssociationRecord;
import org.dmpgateway.model.EntryStatus;
import org.dmpgateway.model.FolderRecord;
import org.dmpgateway.model.Submission;
import org.dmpgateway.model.SubmissionSetRecord;
import org.dmpgateway.model.SubmittedDocument;
import org.hl7.fhir.r4.model.Binary;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CodeType;
import org.hl7.fhir.r4.model.DocumentReference;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.ListResource;
import org.hl7.fhir.r4.model.Parameters;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.StringType;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.dmpgateway.mappings.fhir.common.FhirFixtures.CONTENT;
import static org.dmpgateway.mappings.fhir.common.FhirFixtures.DUPONT;
import static org.dmpgateway.mappings.fhir.common.FhirFixtures.minimalDocumentReference;
import static org.dmpgateway.mappings.fhir.common.FhirFixtures.refusals;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ProvideBundleMapperTest {
    static final String OLD = "5b1f8a62-1c1e-4f57-9a3e-2d5c8e9b7a10";

    /** SubmissionSet + document with Binary + document with inline data + new folder holding the first. */
    static Bundle bundle() {
        Bundle b = new Bundle().setType(Bundle.BundleType.TRANSACTION);
        b.getMeta().addProfile(ProvideBundleProfiles.MHD_MINIMAL);
        ListResource set = ListMapper.toResource(ListMapperTest.SET, List.of());
        set.setId((String) null);
        set.getIdentifier().removeIf(i -> i.getUse() == Identifier.IdentifierUse.OFFICIAL);
        set.addEntry().getItem().setReference("urn:uuid:d1");
        set.addEntry().getItem().setReference("urn:uuid:d2");
        set.addEntry().getItem().setReference("urn:uuid:f1");
        add(b, "urn:uuid:s1", set, "List");
        DocumentReference d1 = minimalDocumentReference();
        d1.getContentFirstRep().getAttachment().setUrl("urn:uuid:b1");
        add(b, "urn:uuid:d1", d1, "DocumentReference");
        DocumentReference d2 = minimalDocumentReference();
        d2.getMasterIdentifier().setValue("urn:oid:1.2.250.1.999.1.1.43");
        d2.getContentFirstRep().getAttachment().setUrl(null).setData(CONTENT);
        add(b, "urn:uuid:d2", d2, "DocumentReference");
        add(b, "urn:uuid:b1", new Binary().setContentType("text/xml").setData(CONTENT), "Binary");
        FolderRecord folder = new FolderRecord(null, null, null, "1.2.250.1.999.4.1", null, DUPONT,
                List.of(new org.dmpgateway.model.CodedValue("DIAB", "1.2.250.1.999.3", "Diabète")), null,
                "Suivi", null, null, false, Map.of());
        ListResource f1 = ListMapper.toResource(folder, List.of());
        f1.addEntry().getItem().setReference("urn:uuid:d1");
        add(b, "urn:uuid:f1", f1, "List");
        return b;
    }

    static Bundle.BundleEntryComponent add(Bundle b, String fullUrl, org.hl7.fhir.r4.model.Resource r, String url) {
        Bundle.BundleEntryComponent e = b.addEntry().setFullUrl(fullUrl).setResource(r);
        e.getRequest().setMethod(Bundle.HTTPVerb.POST).setUrl(url);
        return e;
    }

    // ------------------------------------------------------------------ meta.profile and sourcePatientInfo (issue 14, item 5)

    @Test
    void aBundleWithoutOrWithAWrongProfileIsRefusedNamingMetaProfile() {
        Bundle none = bundle();
        none.getMeta().getProfile().clear();
        List<String> refused = refusals(() -> ProvideBundleMapper.toSubmission(none));
        assertEquals(1, refused.size(), refused.toString());
        assertTrue(refused.get(0).startsWith("Bundle.meta.profile: a Provide Document Bundle (ITI-65) declares the profile "
                + "it conforms to (IHE MHD 4.2.3"), refused.get(0));
        assertTrue(refused.get(0).endsWith("; got none"), refused.get(0));

        Bundle wrong = bundle();
        wrong.getMeta().getProfile().clear();
        wrong.getMeta().addProfile("https://profiles.ihe.net/ITI/MHD/StructureDefinition/IHE.MHD.Comprehensive.SubmissionSet");
        assertTrue(refusals(() -> ProvideBundleMapper.toSubmission(wrong)).get(0).endsWith("; got "
                + "https://profiles.ihe.net/ITI/MHD/StructureDefinition/IHE.MHD.Comprehensive.SubmissionSet"));
    }

    @Test
    void theMhdProfilesWithOrWithoutVersionAndThePdsmOneAreAccepted() {
        for (String profile : List.of(ProvideBundleProfiles.MHD_MINIMAL, ProvideBundleProfiles.MHD_MINIMAL + "|4.2.3")) {
            Bundle b = bundle();
            b.getMeta().getProfile().clear();
            b.getMeta().addProfile(profile);
            assertEquals(2, ProvideBundleMapper.toSubmission(b).documents().size(), profile);
        }
        for (String profile : List.of(ProvideBundleProfiles.MHD_COMPREHENSIVE, ProvideBundleProfiles.MHD_UNCONTAINED,
                ProvideBundleProfiles.PDSM_COMPREHENSIVE)) {
            Bundle b = bundle(); // its DocumentReferences name their source patient
            b.getMeta().getProfile().clear();
            b.getMeta().addProfile(profile);
            assertEquals(2, ProvideBundleMapper.toSubmission(b).documents().size(), profile);
        }
    }

    @Test
    void aComprehensiveDocumentReferenceWithoutSourcePatientInfoIsRefused() {
        Bundle b = bundle();
        b.getMeta().getProfile().clear();
        b.getMeta().addProfile(ProvideBundleProfiles.PDSM_COMPREHENSIVE);
        b.getEntry().stream().filter(e -> e.getResource() instanceof DocumentReference)
                .forEach(e -> ((DocumentReference) e.getResource()).getContext().setSourcePatientInfo(null));
        List<String> refused = refusals(() -> ProvideBundleMapper.toSubmission(b));
        assertEquals(2, refused.size(), refused.toString());
        assertTrue(refused.get(0).startsWith("entry urn:uuid:d1: DocumentReference.context.sourcePatientInfo: a "
                + "Comprehensive Provide Document Bundle (declared in Bundle.meta.profile) names the patient"), refused.get(0));
        assertTrue(refused.get(1).startsWith("entry urn:uuid:d2: DocumentReference.context.sourcePatientInfo"), refused.get(1));
    }

    @Test
    void theSubmissionHasTheShapeOfAnIti41() throws Exception {
        Submission s = ProvideBundleMapper.toSubmission(bundle());
        assertEquals("bundle:urn:uuid:s1", s.submissionSet().entryUuid());
        assertEquals("1.2.250.1.999.2.1", s.submissionSet().uniqueId());
        assertEquals(2, s.documents().size());
        SubmittedDocument d1 = s.documents().get(0);
        assertEquals("bundle:urn:uuid:d1", d1.entry().entryUuid());
        assertArrayEquals(CONTENT, d1.content().readAllBytes());
        assertArrayEquals(CONTENT, s.documents().get(1).content().readAllBytes());
        assertEquals(1, s.folders().size());
        assertEquals("bundle:urn:uuid:f1", s.folders().get(0).entryUuid());

        List<AssociationRecord> a = s.associations();
        assertTrue(a.stream().allMatch(x -> x.entryUuid().startsWith("urn:uuid:") && x.kind() == AssociationKind.HAS_MEMBER));
        assertEquals(List.of("bundle:urn:uuid:d1", "bundle:urn:uuid:d2"), a.stream()
                .filter(x -> "Original".equals(x.label())).map(AssociationRecord::targetUuid).toList());
        assertTrue(a.stream().anyMatch(x -> x.sourceUuid().equals("bundle:urn:uuid:s1") && x.targetUuid().equals("bundle:urn:uuid:f1")));
        AssociationRecord inFolder = a.stream().filter(x -> x.sourceUuid().equals("bundle:urn:uuid:f1")).findFirst().orElseThrow();
        assertEquals("bundle:urn:uuid:d1", inFolder.targetUuid());
        assertTrue(a.stream().anyMatch(x -> x.sourceUuid().equals("bundle:urn:uuid:s1") && x.targetUuid().equals(inFolder.entryUuid())));
        assertEquals(5, a.size());
    }

    @Test
    void refusalsNameTheEntry() {
        Bundle b = bundle();
        ((DocumentReference) b.getEntry().get(1).getResource()).addRelatesTo()
                .setCode(DocumentReference.DocumentRelationshipType.APPENDS).getTarget().setReference("DocumentReference/doc-x-id");
        ((DocumentReference) b.getEntry().get(2).getResource()).getContentFirstRep().getAttachment().setData(null)
                .setUrl("https://elsewhere.example.org/doc.pdf");
        add(b, "urn:uuid:b9", new Binary().setData(new byte[]{1}), "Binary");
        add(b, "urn:uuid:pat", new Patient(), "Patient");
        DmpException e = assertThrows(DmpException.class, () -> ProvideBundleMapper.toSubmission(b));
        List<String> messages = e.errors().stream().map(x -> x.message()).toList();
        assertEquals(List.of(
                "entry urn:uuid:d1: DocumentReference.relatesTo[0].target: DocumentReference/doc-x-id does not name a DMP document: "
                        + "expected DocumentReference/<entryUUID> (the id of the document in this gateway, a UUID)",
                "entry urn:uuid:d2: DocumentReference.content.attachment.url: https://elsewhere.example.org/doc.pdf is not a Binary "
                        + "entry of the bundle (fullUrl or Binary/<id>); the DMP takes the content in the request",
                "entry urn:uuid:pat: Patient: Patient with POST is not part of a Provide Document Bundle (List, DocumentReference "
                        + "and Binary POST, folder List PUT, PATCH of a replaced document); the DMP patient is referenced, never created",
                "entry urn:uuid:b9: Binary: no DocumentReference of the bundle names this Binary in content.attachment.url"), messages);
        assertEquals(DmpErrorCode.MISSING_DOCUMENT_METADATA, e.errors().get(3).code());
        assertEquals("urn:uuid:b9", e.errors().get(3).location());
    }

    @Test
    void exactlyOneSubmissionSetAndATransaction() {
        Bundle b = bundle();
        b.getEntry().remove(0);
        assertEquals(List.of("Bundle.entry: a Provide Document Bundle has exactly one List with code submissionset (POST), got 0"),
                refusals(() -> ProvideBundleMapper.toSubmission(b)));
        Bundle batch = bundle().setType(Bundle.BundleType.BATCH);
        assertEquals(List.of("Bundle.type: a Provide Document Bundle is a transaction, got batch"),
                refusals(() -> ProvideBundleMapper.toSubmission(batch)));
    }

    static Bundle.BundleEntryComponent patch(String url, String status) {
        Parameters p = new Parameters();
        Parameters.ParametersParameterComponent op = p.addParameter().setName("operation");
        op.addPart().setName("type").setValue(new CodeType("replace"));
        op.addPart().setName("path").setValue(new StringType("DocumentReference.status"));
        op.addPart().setName("value").setValue(new CodeType(status));
        Bundle.BundleEntryComponent e = new Bundle.BundleEntryComponent().setFullUrl("urn:uuid:p").setResource(p);
        e.getRequest().setMethod(Bundle.HTTPVerb.PATCH).setUrl(url);
        return e;
    }

    /** What SUBMIT_DOCUMENTS returns: symbolic ids replaced, version 1, Approved. */
    static Submission asStored(Submission s) {
        Map<String, String> ids = new java.util.HashMap<>();
        java.util.function.Function<String, String> id = x -> x.startsWith("urn:uuid:") ? x
                : ids.computeIfAbsent(x, k -> "urn:uuid:" + java.util.UUID.randomUUID());
        SubmissionSetRecord set = s.submissionSet();
        SubmissionSetRecord storedSet = new SubmissionSetRecord(id.apply(set.entryUuid()), set.uniqueId(), set.sourceId(), null,
                set.patientId(), set.submissionTime(), set.contentTypeCode(), set.authors(), set.intendedRecipients(), set.title(),
                set.comments(), EntryStatus.APPROVED, false, Map.of());
        List<SubmittedDocument> docs = s.documents().stream().map(d -> new SubmittedDocument(d.entry()
                .withIds(id.apply(d.entry().entryUuid()), null).withRegistryValues(null, "1", EntryStatus.APPROVED,
                        d.entry().hash(), d.content().knownLength(), "1.2.250.1.999.5", null), d.content())).toList();
        List<FolderRecord> folders = s.folders().stream().map(f -> new FolderRecord(id.apply(f.entryUuid()), null, "1",
                f.uniqueId(), null, f.patientId(), f.codes(), "20260612084510", f.title(), f.comments(), EntryStatus.APPROVED,
                false, Map.of())).toList();
        return new Submission(storedSet, docs, folders, s.associations());
    }

    static String bare(String uuid) {
        assertTrue(uuid.startsWith("urn:uuid:"));
        return uuid.substring(9);
    }

    /** Issue 13: 200,000 empty entries took 68 s; an entry's position is now looked up, not searched for. */
    @Test
    void manyEmptyEntriesAreReadInLinearTime() {
        Bundle b = new Bundle().setType(Bundle.BundleType.TRANSACTION);
        b.getMeta().addProfile(ProvideBundleProfiles.MHD_COMPREHENSIVE);
        for (int i = 0; i < 100_000; i++) {
            b.addEntry();
        }
        long start = System.nanoTime();
        DmpException e = assertThrows(DmpException.class, () -> ProvideBundleMapper.toSubmission(b));
        long millis = (System.nanoTime() - start) / 1_000_000;
        assertEquals(100_001, e.errors().size(), "one refusal per entry, and the missing submission set");
        assertEquals("entry #99999: Bundle.entry: an entry needs a resource", e.errors().get(99_999).message());
        org.junit.jupiter.api.Assertions.assertTrue(millis < 10_000, "100,000 empty entries took " + millis + " ms");
    }
}
