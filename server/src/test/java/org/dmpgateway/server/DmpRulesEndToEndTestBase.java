package org.dmpgateway.server;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.dmpgateway.model.access.AccessMode;
import org.dmpgateway.model.PatientRecordState;
import org.dmpgateway.server.support.OneRecordPerTest;
import org.dmpgateway.server.support.TestRecord;
import org.dmpgateway.server.support.Vihf;
import org.dmpgateway.server.support.XdsClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.openehealth.ipf.commons.ihe.xds.core.ebxml.EbXMLAssociation;
import org.openehealth.ipf.commons.ihe.xds.core.ebxml.EbXMLSubmitObjectsRequest;
import org.openehealth.ipf.commons.ihe.xds.core.ebxml.ebxml30.EbXMLFactory30;
import org.openehealth.ipf.commons.ihe.xds.core.metadata.AssigningAuthority;
import org.openehealth.ipf.commons.ihe.xds.core.metadata.Association;
import org.openehealth.ipf.commons.ihe.xds.core.metadata.AssociationLabel;
import org.openehealth.ipf.commons.ihe.xds.core.metadata.AssociationType;
import org.openehealth.ipf.commons.ihe.xds.core.metadata.ObjectReference;
import org.openehealth.ipf.commons.ihe.xds.core.requests.RegisterDocumentSet;
import org.openehealth.ipf.commons.ihe.xds.core.requests.QueryRegistry;
import org.openehealth.ipf.commons.ihe.xds.core.requests.RemoveMetadata;
import org.openehealth.ipf.commons.ihe.xds.core.ebxml.ebxml30.EbXMLAdhocQueryRequest30;
import org.openehealth.ipf.commons.ihe.xds.core.stub.ebrs30.query.AdhocQueryRequest;
import org.openehealth.ipf.commons.ihe.xds.core.transform.requests.QueryParameter;
import org.openehealth.ipf.commons.ihe.xds.core.transform.requests.QueryRegistryTransformer;
import org.openehealth.ipf.commons.ihe.xds.core.transform.requests.query.QuerySlotHelper;
import org.openehealth.ipf.commons.ihe.xds.core.stub.ebrs30.lcm.SubmitObjectsRequest;
import org.openehealth.ipf.commons.ihe.xds.core.transform.requests.RegisterDocumentSetTransformer;
import org.openehealth.ipf.commons.ihe.xds.core.metadata.Author;
import org.openehealth.ipf.commons.ihe.xds.core.metadata.AvailabilityStatus;
import org.openehealth.ipf.commons.ihe.xds.core.metadata.Code;
import org.openehealth.ipf.commons.ihe.xds.core.metadata.DocumentEntry;
import org.openehealth.ipf.commons.ihe.xds.core.metadata.Identifiable;
import org.openehealth.ipf.commons.ihe.xds.core.metadata.Person;
import org.openehealth.ipf.commons.ihe.xds.core.metadata.XcnName;
import org.openehealth.ipf.commons.ihe.xds.core.requests.ProvideAndRegisterDocumentSet;
import org.openehealth.ipf.commons.ihe.xds.core.requests.query.FindDocumentsQuery;
import org.openehealth.ipf.commons.ihe.xds.core.requests.query.GetDocumentsQuery;
import org.openehealth.ipf.commons.ihe.xds.core.requests.query.QueryReturnType;
import org.openehealth.ipf.commons.ihe.xds.core.responses.ErrorCode;
import org.openehealth.ipf.commons.ihe.xds.core.responses.QueryResponse;
import org.openehealth.ipf.commons.ihe.xds.core.responses.Response;
import org.openehealth.ipf.commons.ihe.xds.core.responses.RetrievedDocumentSet;
import org.openehealth.ipf.commons.ihe.xds.core.responses.Status;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;

import java.util.List;
import java.util.UUID;
import java.util.Map;

import static org.dmpgateway.server.support.XdsAnswers.describe;
import static org.dmpgateway.server.support.XdsAnswers.assertSuccess;
import static org.dmpgateway.server.support.XdsAnswers.assertRefused;
import static org.dmpgateway.server.support.SampleSubmissions.*;
import static org.junit.jupiter.api.Assertions.*;

/**
 * The DMP's rules end to end over SOAP (issue 3): a running server, IPF's producers with VIHF
 * assertions, each scenario set up through the admin API on a record of its own. Every assertion
 * is built from what the test itself submitted. Subclasses choose the database.
 */
@SpringBootTest(classes = DmpGatewayApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@DirtiesContext
abstract class DmpRulesEndToEndTestBase extends OneRecordPerTest {
    static final String DENTIST = Vihf.DENTIST;
    static final String OTHER_DOCTOR = Vihf.OTHER_DOCTOR;
    static final String ADMIN_DOCTOR = Vihf.ADMIN_DOCTOR;
    static final Code TYPE_PSY = code("68599-0", "Synthèse psychiatrique", "2.16.840.1.113883.6.1");
    static final Code CLASS_SYNTHESE = code("11", "Synthèse", "1.2.250.1.213.1.1.4.1");

    // ------------------------------------------------------------------ requests

    /**
     * One document of {@code type} submitted by the client's professional, who is also its author
     * (authorPerson), masked from professionals or not; returns its uniqueId.
     */
    String submit(XdsClient client, Code classCode, Code type, boolean masked) {
        ProvideAndRegisterDocumentSet pnr = document(classCode, type, masked);
        Vihf who = client.identity();
        Author author = pnr.getDocuments().get(0).getDocumentEntry().getAuthors().get(0);
        author.setAuthorPerson(new Person(new Identifiable(who.actorId(), new AssigningAuthority("1.2.250.1.71.4.2.1")),
                new XcnName(who.actorName().split(", ")[0], who.actorName().split(", ")[1], null, null, null, null)));
        assertSuccess(client.submit(pnr));
        return pnr.getDocuments().get(0).getDocumentEntry().getUniqueId();
    }

    ProvideAndRegisterDocumentSet document(Code classCode, Code type, boolean masked) {
        ProvideAndRegisterDocumentSet pnr = single(ins, text("Document " + type.getCode() + " de " + ins));
        DocumentEntry e = pnr.getDocuments().get(0).getDocumentEntry();
        e.setClassCode(classCode);
        e.setTypeCode(type);
        if (masked) {
            e.getConfidentialityCodes().add(CONF_MASQUE_PS);
        }
        return pnr;
    }

    String submitReport(boolean masked) {
        return submit(xds.as(record.durant()), CLASS_CR, TYPE_CR_CONSULTATION, masked);
    }

    List<String> found(XdsClient client) {
        QueryResponse r = client.query(find());
        assertEquals(Status.SUCCESS, r.getStatus(), () -> "FindDocuments failed: " + describe(r.getErrors()));
        return r.getDocumentEntries().stream().map(DocumentEntry::getUniqueId).sorted().toList();
    }

    FindDocumentsQuery find() {
        FindDocumentsQuery q = new FindDocumentsQuery();
        q.setPatientId(patient(ins));
        q.setStatus(List.of(AvailabilityStatus.APPROVED));
        return q;
    }

    RetrievedDocumentSet retrieve(XdsClient client, String uniqueId) {
        return client.retrieve(repositoryUniqueId, uniqueId);
    }

    static List<String> sorted(String... ids) {
        return List.of(ids).stream().sorted().toList();
    }

    // ------------------------------------------------------------------ assertions

    /** The record's history without the traces of the test's own /admin set-up (HardeningRulesEndToEndTest checks those). */
    List<Map<String, Object>> traces() throws Exception {
        List<Map<String, Object>> all = new ObjectMapper().readValue(admin.traces(ins), new TypeReference<>() {
        });
        return all.stream().filter(t -> !"ADMINISTRATION".equals(t.get("action"))).toList();
    }

    // ------------------------------------------------------------------ record states

    @ParameterizedTest
    @EnumSource(PatientRecordState.class)
    void eachRecordStateForSubmitQueryAndRetrieve(PatientRecordState state) {
        String before = submitReport(false);
        admin.setState(ins, state);
        ProvideAndRegisterDocumentSet another = document(CLASS_CR, TYPE_CR_CONSULTATION, false);
        Response submitted = xds.submit(another);
        QueryResponse queried = xds.query(find());
        RetrievedDocumentSet retrieved = retrieve(xds.forPatient(ins), before);
        switch (state) {
            case CREATED, ACTIVATED -> {
                assertSuccess(submitted);
                assertSuccess(queried);
                assertEquals(2, queried.getDocumentEntries().size());
                assertSuccess(retrieved);
                assertEquals(before, retrieved.getDocuments().get(0).getRequestData().getDocumentUniqueId());
            }
            case NOTIFIED -> {
                for (Response r : List.of(submitted, queried, retrieved)) {
                    assertRefused(r, "DMP_UNKNOWN", ErrorCode.UNKNOWN_PATIENT_ID);
                }
            }
            case OPPOSED, CLOSED -> {
                for (Response r : List.of(submitted, queried, retrieved)) {
                    assertRefused(r, "DMP_" + state.name());
                    assertTrue(r.getErrors().get(0).getCodeContext().contains("is closed"),
                            r.getErrors().get(0).getCodeContext());
                }
                assertTrue(retrieved.getDocuments().isEmpty());
            }
        }
        if (state != PatientRecordState.CREATED && state != PatientRecordState.ACTIVATED) {
            admin.setState(ins, PatientRecordState.ACTIVATED);
            assertEquals(List.of(before), found(xds.forPatient(ins)), "the refused submission stored nothing");
        }
    }

    // ------------------------------------------------------------------ blocked, authorisation

    @ParameterizedTest
    @EnumSource(AccessMode.class)
    void aBlockedProfessionalIsRefusedInEveryMode(AccessMode mode) {
        String doc = submitReport(false);
        admin.block(ins, Vihf.DURANT);
        XdsClient blocked = xds.as(record.durant().withMode(mode).withJustification("patient inconscient aux urgences"));
        assertRefused(blocked.query(find()), "PS_BLOCKED");
        assertRefused(retrieve(blocked, doc), "PS_BLOCKED");
        assertRefused(blocked.submit(document(CLASS_CR, TYPE_CR_CONSULTATION, false)), "PS_BLOCKED");
    }

    @Test
    void withoutTheAuthorisationNormalAccessIsRefused() {
        String doc = submitReport(false);
        XdsClient stranger = xds.as(record.otherDoctor());
        assertRefused(stranger.query(find()), "PS_NOT_AUTHORIZED");
        assertRefused(retrieve(stranger, doc), "PS_NOT_AUTHORIZED");
        record.authorise(record.otherDoctor());
        assertEquals(List.of(doc), found(stranger));
    }

    // ------------------------------------------------------------------ TD0.3 and TD0.2 over HTTP

    java.net.http.HttpResponse<String> dmp(String method, Vihf vihf, String path) throws Exception {
        java.net.http.HttpRequest request = java.net.http.HttpRequest.newBuilder(
                        java.net.URI.create("http://localhost:" + port + path))
                .header("Authorization", vihf.authorizationHeader())
                .method(method, java.net.http.HttpRequest.BodyPublishers.noBody()).build();
        return java.net.http.HttpClient.newHttpClient().send(request,
                java.net.http.HttpResponse.BodyHandlers.ofString(java.nio.charset.StandardCharsets.UTF_8));
    }

    Map<String, Object> json(java.net.http.HttpResponse<String> response) throws Exception {
        return new ObjectMapper().readValue(response.body(), new TypeReference<>() {
        });
    }

    @Test
    void theSoftwareDeclaresTheAuthorisationWithTd03AndReadsTheStatusWithTd02() throws Exception {
        String doc = submitReport(false);
        XdsClient other = xds.as(record.otherDoctor());
        assertRefused(other.query(find()), "PS_NOT_AUTHORIZED");

        var status = dmp("GET", record.otherDoctor(), "/dmp/status");
        assertEquals(200, status.statusCode(), status.body());
        assertEquals("ACTIVATED", json(status).get("state"));
        assertNull(json(status).get("consent"));
        assertEquals(List.of("PATIENT-" + ins.substring(9), "Test", "1980-01-01", "F"),
                List.of(json(status).get("familyName"), json(status).get("givenName"), json(status).get("birthDate"),
                        json(status).get("gender")), "the record's identity as the admin API created it");

        var declared = dmp("PUT", record.otherDoctor(), "/dmp/authorization");
        assertEquals(200, declared.statusCode(), declared.body());
        assertEquals("AUTHORIZED", json(declared).get("consent"));
        assertEquals(List.of(doc), found(other), "authorised through TD0.3");

        var withdrawn = dmp("DELETE", record.otherDoctor(), "/dmp/authorization");
        assertEquals(200, withdrawn.statusCode(), withdrawn.body());
        assertNull(json(withdrawn).get("consent"));
        assertRefused(other.query(find()), "PS_NOT_AUTHORIZED");

        admin.block(ins, OTHER_DOCTOR);
        var blocked = dmp("PUT", record.otherDoctor(), "/dmp/authorization");
        assertEquals(403, blocked.statusCode(), blocked.body());
        assertEquals("PS_BLOCKED", json(blocked).get("code"), "a blocked professional cannot authorise themselves");

        admin.setState(ins, PatientRecordState.CLOSED);
        var closed = dmp("GET", record.durant(), "/dmp/status");
        assertEquals(200, closed.statusCode(), "TD0.2 answers whatever the state");
        assertEquals("CLOSED", json(closed).get("state"));
        var refused = dmp("PUT", record.durant(), "/dmp/authorization");
        assertEquals(410, refused.statusCode(), "a closed record is gone (HttpErrorMapper)");
        assertEquals("DMP_CLOSED", json(refused).get("code"));

        List<String> actions = traces().stream().map(t -> t.get("action") + "/" + t.get("outcome")).toList();
        assertTrue(actions.containsAll(List.of("AUTHORIZE/SUCCESS", "REVOKE_AUTHORIZATION/SUCCESS",
                "AUTHORIZE/PS_BLOCKED", "AUTHORIZE/DMP_CLOSED", "STATUS_CHECK/SUCCESS")), actions::toString);
    }

    // ------------------------------------------------------------------ habilitation

    @Test
    void theHabilitationMatrixDecidesWhichTypesAProfessionHandles() {
        record.authorise(record.dentist());
        String report = submitReport(false);
        String psy = submit(xds.as(record.durant()), CLASS_SYNTHESE, TYPE_PSY, false);
        XdsClient dentist = xds.as(record.dentist());

        assertEquals(sorted(report, psy), found(xds.as(record.durant())), "a médecin handles every type");
        assertEquals(List.of(report), found(dentist), "a dentist does not see the psychiatric synthesis");
        assertRefused(retrieve(dentist, psy), "HABILITATION_DENIED");
        assertSuccess(retrieve(dentist, report));
        Response refused = dentist.submit(document(CLASS_SYNTHESE, TYPE_PSY, false));
        assertRefused(refused, "HABILITATION_DENIED");
        assertTrue(refused.getErrors().get(0).getCodeContext().contains("68599-0"));
        assertEquals(sorted(report, psy), found(xds.as(record.durant())), "the refused submission stored nothing");
        assertSuccess(dentist.submit(document(CLASS_CR, TYPE_CR_CONSULTATION, false)));
    }

    // ------------------------------------------------------------------ masking

    @Test
    void aMaskedDocumentIsSeenByItsAuthorAndTheAdminDoctorOnly() {
        record.authorise(record.otherDoctor());
        record.authoriseAsAdminDoctor(record.adminDoctor());
        String plain = submitReport(false);
        String masked = submitReport(true);

        assertEquals(sorted(plain, masked), found(xds.as(record.durant())), "the author sees their masked document");
        assertEquals(sorted(plain, masked), found(xds.as(record.adminDoctor())), "the admin doctor sees it");
        XdsClient other = xds.as(record.otherDoctor());
        assertEquals(List.of(plain), found(other), "another professional does not");
        assertRefused(retrieve(other, masked), "UNKNOWN_DOCUMENT", ErrorCode.DOCUMENT_UNIQUE_ID_ERROR);
        GetDocumentsQuery byId = new GetDocumentsQuery();
        byId.setUniqueIds(List.of(masked));
        assertTrue(other.query(byId).getDocumentEntries().isEmpty(), "not even by its uniqueId");
        assertSuccess(retrieve(xds.as(record.adminDoctor()), masked));
    }

    @Test
    void emergencyAccessShowsMaskedDocumentsOnlyWithThePatientsThirdSwitch() {
        String plain = submitReport(false);
        String masked = submitReport(true);
        XdsClient breakGlass = xds.as(record.otherDoctor().withMode(AccessMode.BREAK_GLASS)
                .withJustification("détresse respiratoire, patient inconscient"));
        XdsClient samu = xds.as(record.otherDoctor().withMode(AccessMode.SAMU_REGULATION));

        assertEquals(List.of(plain), found(breakGlass), "no authorisation needed, masked documents hidden");
        assertEquals(List.of(plain), found(samu));
        admin.settings(ins, "{\"maskedVisibleInEmergency\":true}");
        assertEquals(sorted(plain, masked), found(breakGlass));
        assertEquals(sorted(plain, masked), found(samu));
        assertSuccess(retrieve(breakGlass, masked));
    }

    @Test
    void whenThePatientMasksEverythingAProfessionalSeesOnlyTheirOwnDocuments() {
        record.authorise(record.otherDoctor());
        String durants = submitReport(false);
        String others = submit(xds.as(record.otherDoctor()), CLASS_CR, TYPE_CR_CONSULTATION, false);
        admin.settings(ins, "{\"maskAll\":true}");
        assertEquals(List.of(durants), found(xds.as(record.durant())));
        assertEquals(List.of(others), found(xds.as(record.otherDoctor())),
                "the author of a document is the professional in its authorPerson");
        admin.settings(ins, "{\"maskAll\":false}");
        assertEquals(sorted(durants, others), found(xds.as(record.otherDoctor())));
    }

    // ------------------------------------------------------------------ emergency conditions

    @Test
    void breakGlassNeedsAJustificationAndThePatientsSwitch() {
        submitReport(false);
        assertRefused(xds.as(record.otherDoctor().withMode(AccessMode.BREAK_GLASS)).query(find()),
                "BREAK_GLASS_JUSTIFICATION_MISSING");
        admin.settings(ins, "{\"breakGlassAllowed\":false}");
        assertRefused(xds.as(record.otherDoctor().withMode(AccessMode.BREAK_GLASS).withJustification("coma, arrêt respiratoire")).query(find()),
                "BREAK_GLASS_DISABLED");
    }

    @Test
    void samuNeedsTheSamuSwitchAndNoJustification() {
        String doc = submitReport(false);
        XdsClient samu = xds.as(record.otherDoctor().withMode(AccessMode.SAMU_REGULATION));
        assertEquals(List.of(doc), found(samu));
        admin.settings(ins, "{\"samuAccessAllowed\":false}");
        assertRefused(samu.query(find()), "SAMU_ACCESS_DISABLED");
        assertRefused(retrieve(samu, doc), "SAMU_ACCESS_DISABLED");
    }

    // ------------------------------------------------------------------ identity scope

    @Test
    void theIdentitysPatientBoundsEveryRequest() throws Exception {
        String doc = submitReport(false);
        String otherIns = TestRecord.create(admin).ins();
        XdsClient onOther = xds.as(Vihf.doctor(otherIns));
        assertRefused(onOther.query(find()), "ACCESS_PATIENT_MISMATCH");
        assertRefused(onOther.submit(document(CLASS_CR, TYPE_CR_CONSULTATION, false)), "ACCESS_PATIENT_MISMATCH");
        // the probes are in the history of the record they targeted, not in the identity's patient's
        List<String> probes = traces().stream().filter(t -> "ACCESS_PATIENT_MISMATCH".equals(t.get("outcome")))
                .map(t -> t.get("actorId") + "/" + t.get("action")).toList();
        assertTrue(probes.contains(Vihf.DURANT + "/QUERY") && probes.contains(Vihf.DURANT + "/SUBMIT"), probes::toString);
        assertFalse(admin.traces(otherIns).contains("ACCESS_PATIENT_MISMATCH"), "not in the identity's patient's history");
        assertRefused(retrieve(onOther, doc), "UNKNOWN_DOCUMENT", ErrorCode.DOCUMENT_UNIQUE_ID_ERROR);
        GetDocumentsQuery byId = new GetDocumentsQuery();
        byId.setUniqueIds(List.of(doc));
        assertTrue(onOther.query(byId).getDocumentEntries().isEmpty(), "an id-based query stays in the identity's record");
    }

    // ------------------------------------------------------------------ metadata update and deletion (ITI-57, ITI-62)

    /** The current (Approved) metadata version of a document; GetDocuments by uniqueId returns every version. */
    DocumentEntry stored(String uniqueId) {
        GetDocumentsQuery q = new GetDocumentsQuery();
        q.setUniqueIds(List.of(uniqueId));
        List<DocumentEntry> entries = xds.as(record.durant()).query(q).getDocumentEntries().stream()
                .filter(e -> e.getAvailabilityStatus() == AvailabilityStatus.APPROVED).toList();
        assertEquals(1, entries.size(), () -> "one current version of " + uniqueId + ": " + entries);
        return entries.get(0);
    }

    /** An ITI-57 request: a new version of the stored entry with MASQUE_PS added (or removed). */
    SubmitObjectsRequest maskRequest(String uniqueId, boolean mask) {
        DocumentEntry v = stored(uniqueId);
        String previous = v.getVersion().getVersionName();
        v.setEntryUuid("urn:uuid:" + UUID.randomUUID());
        if (mask) {
            v.getConfidentialityCodes().add(CONF_MASQUE_PS);
        } else {
            v.getConfidentialityCodes().removeIf(c -> "MASQUE_PS".equals(c.getCode()));
        }
        RegisterDocumentSet r = new RegisterDocumentSet();
        r.setSubmissionSet(submissionSet(ins));
        r.getDocumentEntries().add(v);
        Association member = hasMember("urn:uuid:" + UUID.randomUUID(), "SubmissionSet01", v.getEntryUuid(),
                AssociationLabel.ORIGINAL);
        member.setPreviousVersion(previous);
        r.getAssociations().add(member);
        return new RegisterDocumentSetTransformer(new EbXMLFactory30()).toEbXML(r).getInternal();
    }

    /** An ITI-57 status change of the stored entry, the CI-SIS statuses written in the slots. */
    SubmitObjectsRequest statusRequest(String uniqueId, String originalStatus, String newStatus) {
        DocumentEntry v = stored(uniqueId);
        RegisterDocumentSet r = new RegisterDocumentSet();
        r.setSubmissionSet(submissionSet(ins));
        String id = "urn:uuid:" + UUID.randomUUID();
        r.getAssociations().add(new Association(AssociationType.UPDATE_AVAILABILITY_STATUS, id, "SubmissionSet01",
                v.getEntryUuid()));
        EbXMLSubmitObjectsRequest<SubmitObjectsRequest> ebXml =
                new RegisterDocumentSetTransformer(new EbXMLFactory30()).toEbXML(r);
        EbXMLAssociation change = ebXml.getAssociations().stream().filter(a -> id.equals(a.getId())).findFirst()
                .orElseThrow();
        change.addSlot("OriginalStatus", originalStatus);
        change.addSlot("NewStatus", newStatus);
        return ebXml.getInternal();
    }

    RemoveMetadata removal(String uniqueId) {
        RemoveMetadata r = new RemoveMetadata();
        r.getReferences().add(new ObjectReference(stored(uniqueId).getEntryUuid()));
        return r;
    }

    static final String APPROVED = "urn:oasis:names:tc:ebxml-regrep:StatusType:Approved";
    static final String ARCHIVED = "urn:asip:ci-sis:2010:StatusType:Archived";
    static final String DELETED = "urn:asip:ci-sis:2010:StatusType:Deleted";

    @Test
    void theAuthorOrTheAdminDoctorMasksAndUnmasksAnotherProfessionalMayNot() {
        record.authorise(record.otherDoctor());
        record.authoriseAsAdminDoctor(record.adminDoctor());
        String doc = submitReport(false);
        XdsClient other = xds.as(record.otherDoctor());

        assertRefused(other.update(maskRequest(doc, true)), "NOT_AUTHOR");
        assertEquals(List.of(doc), found(other), "the refused update changed nothing");

        assertSuccess(xds.as(record.durant()).update(maskRequest(doc, true)));
        assertEquals(List.of(), found(other), "masked by its author: hidden from the colleague");
        assertRefused(retrieve(other, doc), "UNKNOWN_DOCUMENT", ErrorCode.DOCUMENT_UNIQUE_ID_ERROR);
        DocumentEntry masked = stored(doc);
        assertEquals("2", masked.getVersion().getVersionName());
        assertTrue(masked.getConfidentialityCodes().stream().anyMatch(c -> "MASQUE_PS".equals(c.getCode())));

        assertSuccess(xds.as(record.adminDoctor()).update(maskRequest(doc, false)));
        assertEquals(List.of(doc), found(other), "unmasked by the admin doctor at the patient's request");
        assertSuccess(retrieve(other, doc));
    }

    @Test
    void onlyTheAuthorDeletesThroughIti57OrIti62() {
        record.authorise(record.otherDoctor());
        String first = submitReport(false);
        String second = submitReport(false);
        XdsClient other = xds.as(record.otherDoctor());

        assertRefused(other.update(statusRequest(first, APPROVED, DELETED)), "NOT_AUTHOR");
        assertRefused(other.remove(removal(second)), "NOT_AUTHOR");
        assertEquals(sorted(first, second), found(other), "nothing was deleted");

        assertSuccess(xds.as(record.durant()).update(statusRequest(first, APPROVED, DELETED)));
        assertSuccess(xds.as(record.durant()).remove(removal(second)));
        assertEquals(List.of(), found(xds.as(record.durant())), "deleted documents are gone, even for their author");
        assertRefused(retrieve(xds.as(record.durant()), first), "UNKNOWN_DOCUMENT", ErrorCode.DOCUMENT_UNIQUE_ID_ERROR);
    }

    /** FindDocuments with the CI-SIS statuses written in $XDSDocumentEntryStatus, as a DMP client sends them. */
    List<String> foundWithStatuses(String... statusUrns) {
        QueryRegistry registry = new QueryRegistry(find());
        registry.setReturnType(QueryReturnType.LEAF_CLASS);
        var ebXml = new QueryRegistryTransformer().toEbXML(registry);
        AdhocQueryRequest request = (AdhocQueryRequest) ebXml.getInternal();
        request.getAdhocQuery().getSlot().removeIf(slot -> "$XDSDocumentEntryStatus".equals(slot.getName()));
        new QuerySlotHelper(new EbXMLAdhocQueryRequest30(request)).fromStringList(QueryParameter.DOC_ENTRY_STATUS,
                List.of(statusUrns));
        QueryResponse r = xds.as(record.durant()).query(request);
        assertEquals(Status.SUCCESS, r.getStatus(), () -> "FindDocuments failed: " + describe(r.getErrors()));
        return r.getDocumentEntries().stream().map(DocumentEntry::getUniqueId).sorted().toList();
    }

    @Test
    void theAuthorArchivesAndUnarchivesAndArchivedDocumentsAreFoundWithTheCisisStatus() {
        String doc = submitReport(false);
        String current = submitReport(false);
        assertSuccess(xds.as(record.durant()).update(statusRequest(doc, APPROVED, ARCHIVED)));
        assertEquals(List.of(current), found(xds.as(record.durant())), "an archived document leaves the Approved selection");
        assertEquals(List.of(doc), foundWithStatuses(ARCHIVED));
        assertEquals(sorted(doc, current), foundWithStatuses(APPROVED, ARCHIVED));
        assertSuccess(xds.as(record.durant()).update(statusRequest(doc, ARCHIVED, APPROVED)));
        assertEquals(sorted(doc, current), found(xds.as(record.durant())));
        assertEquals(List.of(), foundWithStatuses(ARCHIVED));
    }

    // ------------------------------------------------------------------ traces

    @Test
    void allowedAndRefusedRequestsAreTraced() throws Exception {
        String doc = submitReport(false);
        found(xds.as(record.durant()));
        assertSuccess(retrieve(xds.as(record.durant()), doc));
        assertRefused(xds.as(record.otherDoctor().withMode(AccessMode.BREAK_GLASS)).query(find()),
                "BREAK_GLASS_JUSTIFICATION_MISSING");
        admin.block(ins, DENTIST);
        assertRefused(retrieve(xds.as(record.dentist().withMode(AccessMode.BREAK_GLASS).withJustification("urgence dentaire")), doc),
                "PS_BLOCKED");

        List<Map<String, Object>> t = traces();
        assertEquals(5, t.size(), () -> "traces: " + t);
        Map<String, Object> blocked = t.get(0);
        assertEquals(DENTIST, blocked.get("actorId"));
        assertEquals("RETRIEVE", blocked.get("action"));
        assertEquals("PS_BLOCKED", blocked.get("outcome"));
        assertEquals("BREAK_GLASS", blocked.get("mode"));
        assertEquals("urgence dentaire", blocked.get("justification"));
        assertEquals(List.of(doc), blocked.get("documentIds"));
        assertEquals("40", blocked.get("role"));
        Map<String, Object> noJustification = t.get(1);
        assertEquals(OTHER_DOCTOR, noJustification.get("actorId"));
        assertEquals("BREAK_GLASS_JUSTIFICATION_MISSING", noJustification.get("outcome"));
        assertEquals("QUERY", noJustification.get("action"));
        assertEquals(List.of("RETRIEVE", "QUERY", "SUBMIT"), t.subList(2, 5).stream().map(x -> x.get("action")).toList());
        for (Map<String, Object> ok : t.subList(2, 5)) {
            assertEquals("SUCCESS", ok.get("outcome"));
            assertEquals(Vihf.DURANT, ok.get("actorId"));
            assertEquals(Vihf.DURANT_NAME, ok.get("actorName"));
            assertEquals(Vihf.DURANT_STRUCTURE, ok.get("structureId"));
            assertEquals("10/SM54", ok.get("role"));
            assertEquals("NORMAL", ok.get("mode"));
            assertEquals(List.of(doc), ok.get("documentIds"));
            assertNotNull(ok.get("time"));
        }
    }
}
