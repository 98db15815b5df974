package org.dmpgateway.server;

import ca.uhn.fhir.rest.client.api.IGenericClient;
import ca.uhn.fhir.rest.server.exceptions.BaseServerResponseException;
import org.dmpgateway.mappings.fhir.common.FhirCodeSystems;
import org.dmpgateway.mappings.fhir.patient.PatientIds;
import org.dmpgateway.model.PatientRef;
import org.dmpgateway.server.support.OneRecordPerTest;
import org.dmpgateway.server.support.FhirAnswerValidator;
import org.dmpgateway.server.support.FhirClient;
import org.dmpgateway.server.support.FhirToken;
import org.dmpgateway.server.support.TestPatients;
import org.dmpgateway.server.support.Vihf;
import org.hl7.fhir.r4.model.Binary;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DocumentReference;
import org.hl7.fhir.r4.model.ListResource;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Practitioner;
import org.hl7.fhir.r4.model.PractitionerRole;
import org.hl7.fhir.r4.model.Resource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.openehealth.ipf.commons.ihe.xds.core.metadata.AssigningAuthority;
import org.openehealth.ipf.commons.ihe.xds.core.metadata.AssociationLabel;
import org.openehealth.ipf.commons.ihe.xds.core.metadata.CXiAssigningAuthority;
import org.openehealth.ipf.commons.ihe.xds.core.metadata.Code;
import org.openehealth.ipf.commons.ihe.xds.core.metadata.Document;
import org.openehealth.ipf.commons.ihe.xds.core.metadata.DocumentEntry;
import org.openehealth.ipf.commons.ihe.xds.core.metadata.Identifiable;
import org.openehealth.ipf.commons.ihe.xds.core.metadata.Person;
import org.openehealth.ipf.commons.ihe.xds.core.metadata.ReferenceId;
import org.openehealth.ipf.commons.ihe.xds.core.metadata.XcnName;
import org.openehealth.ipf.commons.ihe.xds.core.requests.ProvideAndRegisterDocumentSet;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.dmpgateway.server.support.XdsAnswers.assertSuccess;
import static org.dmpgateway.server.support.SampleSubmissions.*;
import static org.junit.jupiter.api.Assertions.*;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/**
 * The FHIR read side end to end (ITI-67, ITI-66, ITI-68, MHD 4.2 / PDSm): documents submitted over
 * SOAP (ITI-41, IPF's producer) on a record of each test's own, then found, paged and retrieved
 * with HAPI's generic client and plain HTTP, as professionals holding bearer tokens. Every expected
 * value comes from what the test submitted. The leaves choose the database (H2, PostgreSQL).
 */
@SpringBootTest(classes = DmpGatewayApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@DirtiesContext
abstract class FhirReadEndToEndTestBase extends OneRecordPerTest {
    static final String OTHER_DOCTOR = Vihf.OTHER_DOCTOR;
    static final String INS_SYSTEM = FhirCodeSystems.URN_OID + INS_OID;
    static final Code FACILITY_SA05 = code("SA05", "Centre de santé", "1.2.250.1.71.4.2.4");
    static final Code PRACTICE_OTHER = code("ETABLISSEMENT", "Etablissement de santé", "1.2.250.1.213.1.1.4.9");
    static final Code CONF_RESTRICTED = code("R", "Restreint", "2.16.840.1.113883.5.25");
    static final Code EVENT_OTHER = code("TENS", "Tension", "1.2.250.1.213.2.5");

    IGenericClient durant;
    IGenericClient other;

    @BeforeEach
    void fhirClients() {
        record.authorise(record.otherDoctor());
        durant = FhirClient.as(port, record.durant());
        other = FhirClient.as(port, record.otherDoctor());
    }

    // ------------------------------------------------------------------ ITI-67 + ITI-68

    @Test
    void aDocumentSubmittedOverSoapIsFoundWithItsMetadataAndRetrievedWithIdenticalBytes() throws Exception {
        byte[] bytes = text("Compte rendu de consultation de " + ins + " : tension normale.");
        ProvideAndRegisterDocumentSet pnr = single(ins, bytes);
        DocumentEntry entry = pnr.getDocuments().get(0).getDocumentEntry();
        assertSuccess(xds.as(record.durant()).submit(pnr));

        Bundle found = durant.search().forResource(DocumentReference.class)
                .where(DocumentReference.PATIENT.hasChainedProperty(Patient.IDENTIFIER.exactly().systemAndIdentifier(INS_SYSTEM, ins)))
                .and(DocumentReference.STATUS.exactly().code("current"))
                .returnBundle(Bundle.class).execute();

        assertEquals(1, found.getTotal());
        assertEquals(1, found.getEntry().size());
        DocumentReference d = (DocumentReference) found.getEntry().get(0).getResource();
        assertEquals(org.hl7.fhir.r4.model.Enumerations.DocumentReferenceStatus.CURRENT, d.getStatus());
        FhirAnswerValidator.get().assertConforms(d, FhirAnswerValidator.MHD_DOCUMENT_REFERENCE);
        assertCoding(entry.getTypeCode(), d.getType().getCodingFirstRep());
        assertCoding(entry.getClassCode(), d.getCategoryFirstRep().getCodingFirstRep());
        assertCoding(entry.getFormatCode(), d.getContentFirstRep().getFormat());
        assertCoding(entry.getHealthcareFacilityTypeCode(), d.getContext().getFacilityType().getCodingFirstRep());
        assertCoding(entry.getPracticeSettingCode(), d.getContext().getPracticeSetting().getCodingFirstRep());
        assertCoding(entry.getConfidentialityCodes().get(0), d.getSecurityLabelFirstRep().getCodingFirstRep());
        assertEquals("urn:oid:" + entry.getUniqueId(), d.getMasterIdentifier().getValue());
        assertEquals("Patient/" + PatientIds.resourceId(new PatientRef(ins, INS_OID)), d.getSubject().getReference());
        var attachment = d.getContentFirstRep().getAttachment();
        assertEquals("text/plain", attachment.getContentType());
        assertEquals(entry.getTitle().getValue(), attachment.getTitle());
        assertEquals(bytes.length, attachment.getSize());
        assertArrayEquals(MessageDigest.getInstance("SHA-1").digest(bytes), attachment.getHash());
        assertEquals("2025-11-20T09:30:00Z", attachment.getCreationElement().getValueAsString().replace("+00:00", "Z"));
        assertEquals("2025-11-20T08:00:00Z", d.getContext().getPeriod().getStartElement().getValueAsString().replace("+00:00", "Z"));
        assertEquals(List.of("DURANT"), authorFamilies(d), "the author person");
        String id = d.getIdElement().getIdPart();
        assertEquals(FhirClient.base(port) + "/Binary/" + id, attachment.getUrl());

        // ITI-68: the raw bytes with the document's MIME type, and the Binary resource over FHIR
        HttpResponse<byte[]> raw = get(attachment.getUrl(), record.durant(), "*/*");
        assertEquals(200, raw.statusCode());
        assertArrayEquals(bytes, raw.body());
        assertTrue(raw.headers().firstValue("Content-Type").orElse("").startsWith("text/plain"),
                raw.headers().toString());
        Binary binary = durant.read().resource(Binary.class).withId(id).execute();
        assertEquals("text/plain", binary.getContentType());
        assertArrayEquals(bytes, binary.getData());

        DocumentReference read = durant.read().resource(DocumentReference.class).withId(id).execute();
        assertEquals(entry.getUniqueId(), read.getMasterIdentifier().getValue().substring("urn:oid:".length()));
    }

    @Test
    void fortyFiveDocumentsComeInPagesOfTwentyTwentyAndFiveWithNextLinksAndNoDuplicate() {
        Set<String> submitted = submitMany(45, 0);

        Bundle page = durant.search().byUrl(url("DocumentReference", current("_count", "20"))).returnBundle(Bundle.class).execute();
        List<Integer> sizes = new ArrayList<>();
        List<String> ids = new ArrayList<>();
        while (true) {
            assertEquals(45, page.getTotal());
            sizes.add(page.getEntry().size());
            page.getEntry().forEach(e -> ids.add(e.getResource().getIdElement().getIdPart()));
            if (page.getLink(Bundle.LINK_NEXT) == null) {
                break;
            }
            assertTrue(page.getLink(Bundle.LINK_NEXT).getUrl().contains("_offset=" + ids.size()),
                    page.getLink(Bundle.LINK_NEXT).getUrl());
            page = durant.loadPage().next(page).execute();
        }
        assertEquals(List.of(20, 20, 5), sizes);
        assertEquals(45, new HashSet<>(ids).size(), "no duplicate");
        assertEquals(submitted, uniqueIdsOf(ids), "every submitted document, once");
    }

    /**
     * HAPI's JSON writer flushes after every string it writes; the server keeps those flushes in the
     * container's buffer (BufferedResponse): an answer that fits in it comes whole, with its
     * Content-Length, and a larger one comes complete, in the container's chunks.
     */
    @Test
    void anAnswerThatFitsTheServersBufferComesWithItsLengthAndALargerOneComesWhole() throws Exception {
        Set<String> submitted = submitMany(30, 0);
        String base = FhirClient.base(port) + "/";

        HttpResponse<byte[]> page = get(base + url("DocumentReference", current("_count", "30")), record.durant(),
                "application/fhir+json");
        assertEquals(200, page.statusCode());
        assertTrue(page.body().length > 3 * 8192, "a page of 30 is larger than the container's buffer: "
                + page.body().length);
        Bundle bundle = FhirClient.context().newJsonParser().parseResource(Bundle.class,
                new String(page.body(), StandardCharsets.UTF_8));
        assertEquals(30, bundle.getEntry().size());
        assertEquals(submitted, uniqueIds(bundle), "every document of the page, whole");

        String id = bundle.getEntryFirstRep().getResource().getIdElement().getIdPart();
        HttpResponse<byte[]> read = get(base + "DocumentReference/" + id, record.durant(), "application/fhir+json");
        assertEquals(200, read.statusCode());
        assertEquals(String.valueOf(read.body().length), read.headers().firstValue("Content-Length").orElse("none"),
                "one read comes whole, with its length: " + read.headers().map());
        assertEquals(id, FhirClient.context().newJsonParser().parseResource(DocumentReference.class,
                new String(read.body(), StandardCharsets.UTF_8)).getIdElement().getIdPart());

        HttpResponse<byte[]> xml = get(base + "DocumentReference/" + id, record.durant(), "application/fhir+xml");
        assertEquals(200, xml.statusCode());
        assertEquals(String.valueOf(xml.body().length), xml.headers().firstValue("Content-Length").orElse("none"),
                "in XML too: " + xml.headers().map());
    }

    @Test
    void aSecondCallerFollowingTheFirstCallersNextLinkGetsOnlyWhatTheyMaySee() throws Exception {
        submitMany(20, 0);
        Set<String> masked = submitMany(5, 5);

        Bundle first = durant.search().byUrl(url("DocumentReference", current("_count", "20"))).returnBundle(Bundle.class).execute();
        assertEquals(25, first.getTotal(), "the author sees his masked documents");
        String next = first.getLink(Bundle.LINK_NEXT).getUrl();
        Bundle durantsSecond = durant.search().byUrl(next).returnBundle(Bundle.class).execute();
        assertEquals(masked, uniqueIds(durantsSecond), "Dr DURANT's second page: the masked documents");

        Bundle othersSecond = other.search().byUrl(next).returnBundle(Bundle.class).execute();
        assertEquals(20, othersSecond.getTotal(), "the search is run again for the second caller");
        assertTrue(othersSecond.getEntry().isEmpty(), "none of the first caller's results: " + uniqueIds(othersSecond));

        IGenericClient stranger = FhirClient.as(port, record.durant().forPatient(TestPatients.newIns()));
        BaseServerResponseException refused = assertThrows(BaseServerResponseException.class,
                () -> stranger.search().byUrl(next).returnBundle(Bundle.class).execute());
        assertEquals(400, refused.getStatusCode());
        assertTrue(outcome(refused).contains("ACCESS_PATIENT_MISMATCH"), outcome(refused));

        HttpResponse<byte[]> getPages = get(FhirClient.base(port) + "?_getpages=" + first.getId(), record.otherDoctor(),
                "application/fhir+json");
        assertTrue(getPages.statusCode() >= 400, "no result list is kept on the server: " + getPages.statusCode());
    }

    @Test
    void aMaskedDocumentIsNotReturnedOverFhirToAnotherProfessional() {
        String plain = submitMany(1, 0).iterator().next();
        String masked = submitMany(1, 1).iterator().next();

        assertEquals(Set.of(plain, masked), uniqueIds(search(durant, current())));
        assertEquals(Set.of(plain), uniqueIds(search(other, current())));
        String maskedId = idOf(search(durant, current("identifier", "urn:oid:" + masked)));

        for (Class<? extends Resource> type : List.of(DocumentReference.class, Binary.class)) {
            BaseServerResponseException e = assertThrows(BaseServerResponseException.class,
                    () -> other.read().resource(type).withId(maskedId).execute());
            assertEquals(404, e.getStatusCode(), type.getSimpleName());
        }
        assertNotNull(durant.read().resource(DocumentReference.class).withId(maskedId).execute());
    }

    @Test
    void searchesWithoutStatusOrPatientOrWithAnUnknownParameterAreRefusedNamingIt() {
        submitMany(1, 0);
        Map<String, String> noStatus = new LinkedHashMap<>();
        noStatus.put("patient.identifier", INS_SYSTEM + "|" + ins);
        assertRefused(durant, "DocumentReference", noStatus, "status");
        assertRefused(durant, "DocumentReference", Map.of("status", "current"), "patient");
        assertRefused(durant, "DocumentReference", current("foo", "bar"), "foo");
        assertRefused(durant, "DocumentReference", current("date", "ne2025-01-01"), "date");
        assertRefused(durant, "DocumentReference", current("type", "11488-4"), "type");
        assertRefused(durant, "List", Map.of("patient.identifier", INS_SYSTEM + "|" + ins), "status");
    }

    // ------------------------------------------------------------------ every ITI-67 parameter

    /** Documents A and B of {@link #twoDocuments}: their uniqueIds, and A's resource id. */
    record TwoDocuments(String uniqueIdA, String uniqueIdB, String idA) {
    }

    /**
     * Two documents submitted over SOAP that differ in every searchable field: A (a consultation
     * report of 2025-11-20 in text, authored by Dr DURANT, event EVENT_X, order ORDER-A) and B (a
     * PDF prescription of 2025-12-03, restricted, another facility, setting and event, authored by
     * Dr PETIT, order ORDER-B).
     */
    TwoDocuments twoDocuments() {
        byte[] a = text("A"), b = text("B");
        ProvideAndRegisterDocumentSet pnr = single(ins, a);
        DocumentEntry ea = pnr.getDocuments().get(0).getDocumentEntry();
        ea.getEventCodeList().add(EVENT_X);
        ea.getReferenceIdList().add(new ReferenceId("ORDER-A", new CXiAssigningAuthority(null, "1.2.250.1.999.4", "ISO"),
                "urn:ihe:iti:xds:2013:order"));
        DocumentEntry eb = entry("Document02", ins, CLASS_PRESCRIPTION, TYPE_ORDONNANCE, FORMAT_PDF, "application/pdf",
                "20251203100000");
        eb.getConfidentialityCodes().add(CONF_RESTRICTED);
        eb.setHealthcareFacilityTypeCode(FACILITY_SA05);
        eb.setPracticeSettingCode(PRACTICE_OTHER);
        eb.getEventCodeList().add(EVENT_OTHER);
        eb.getAuthors().get(0).setAuthorPerson(new Person(new Identifiable(OTHER_DOCTOR,
                new AssigningAuthority("1.2.250.1.71.4.2.1")), new XcnName("PETIT", "Louis", null, null, null, null)));
        eb.getReferenceIdList().add(new ReferenceId("ORDER-B", new CXiAssigningAuthority(null, "1.2.250.1.999.4", "ISO"),
                "urn:ihe:iti:xds:2013:order"));
        pnr.getDocuments().add(new Document(eb, content(b, "application/pdf")));
        pnr.getAssociations().add(hasMember("Assoc02", "SubmissionSet01", "Document02", AssociationLabel.ORIGINAL));
        assertSuccess(xds.as(record.durant()).submit(pnr));
        String ua = ea.getUniqueId();
        return new TwoDocuments(ua, eb.getUniqueId(), idOf(search(durant, current("identifier", "urn:oid:" + ua))));
    }

    /**
     * Each ITI-67 parameter with values that match document A only ({@code {uniqueId}} and
     * {@code {id}} stand for A's uniqueId and resource id). A parameter given twice (creation as a
     * range) is one case with two values.
     */
    static Stream<Arguments> searchesFindingOnlyDocumentA() {
        return Stream.of(
                arguments("creation", List.of("lt2025-11-21")),
                arguments("creation", List.of("ge2025-11-20T09:30:00Z", "le2025-11-20T09:30:00Z")),
                arguments("period", List.of("le2025-11-20")),
                arguments("period-start", List.of("2025-11-20")),
                arguments("period-end", List.of("lt2025-11-21")),
                arguments("type", List.of(token(TYPE_CR_CONSULTATION))),
                arguments("category", List.of(token(CLASS_CR))),
                arguments("event", List.of(token(EVENT_X))),
                arguments("facility", List.of(token(FACILITY_SA07))),
                arguments("setting", List.of(token(PRACTICE_AMBULATOIRE))),
                arguments("format", List.of(token(FORMAT_TEXT))),
                arguments("author.family", List.of("DURANT")),
                arguments("author.given", List.of("Romuald")),
                arguments("related", List.of("ORDER-A^^^&1.2.250.1.999.4&ISO^urn:ihe:iti:xds:2013:order")),
                arguments("identifier", List.of("urn:oid:{uniqueId}")),
                arguments("_id", List.of("{id}")),
                arguments("identifier", List.of("urn:ietf:rfc:3986|urn:uuid:{id}")));
    }

    @ParameterizedTest(name = "{0}={1}")
    @MethodSource("searchesFindingOnlyDocumentA")
    void aSearchParameterFindsTheMatchingDocumentAndNotTheOther(String parameter, List<String> values) {
        TwoDocuments docs = twoDocuments();
        String[] resolved = values.stream().map(v -> v.replace("{uniqueId}", docs.uniqueIdA()).replace("{id}", docs.idA()))
                .toArray(String[]::new);
        assertEquals(Set.of(docs.uniqueIdA()), uniqueIds(search(durant, current(parameter, resolved))),
                parameter + "=" + String.join(", ", resolved));
    }

    @Test
    void searchParametersFindBothDocumentsOrTheOtherOne() {
        TwoDocuments docs = twoDocuments();
        String ua = docs.uniqueIdA(), ub = docs.uniqueIdB();

        Map<String, String> patientById = new LinkedHashMap<>();
        patientById.put("patient", "Patient/" + PatientIds.resourceId(new PatientRef(ins, INS_OID)));
        patientById.put("status", "current");
        assertEquals(Set.of(ua, ub), uniqueIds(search(durant, patientById)), "patient");
        assertEquals(Set.of(ua, ub), uniqueIds(search(durant, current())), "patient.identifier and status=current");
        assertEquals(Set.of(), uniqueIds(search(durant, status("superseded"))), "status=superseded");
        assertEquals(Set.of(), uniqueIds(search(durant, status("entered-in-error"))), "status=entered-in-error");
        assertEquals(Set.of(), uniqueIds(search(durant, current("isArchived", "true"))), "isArchived=true");

        assertEquals(Set.of(ub), uniqueIds(search(durant, current("security-label", token(CONF_RESTRICTED)))), "security-label");
        assertEquals(Set.of(ua, ub), uniqueIds(search(durant, current("security-label", token(CONF_NORMAL)))),
                "security-label N: both carry it");
        assertEquals(Set.of(ub), uniqueIds(search(durant, current("author.family", "PETIT"))), "author.family");
        assertEquals(Set.of(ub), uniqueIds(search(durant, current("creation", "gt2025-11-30"))), "creation gt");
        assertEquals(Set.of(ub), uniqueIds(search(durant, current("date", "gt2025-11-30"))), "date: the creation time too");
        Map<String, String[]> both = current("date", "gt2025-11-30");
        both.put("creation", new String[]{"lt2025-11-21"});
        assertEquals(Set.of(), uniqueIds(search(durant, both)), "date and creation intersect");
        assertEquals(Set.of(ub), uniqueIds(search(durant, current("type", token(TYPE_ORDONNANCE)))), "type");
        assertEquals(Set.of(ua, ub), uniqueIds(search(durant, current("type",
                token(TYPE_ORDONNANCE) + "," + token(TYPE_CR_CONSULTATION)))), "type, OR");
    }

    @Test
    void theCapabilityStatementListsTheSearchParametersAndPostSearchIsServed() {
        submitMany(2, 0);
        org.hl7.fhir.r4.model.CapabilityStatement cs = FhirClient.anonymous(port).capabilities()
                .ofType(org.hl7.fhir.r4.model.CapabilityStatement.class).execute();
        // exactly the interactions the providers serve
        Map<String, Set<String>> interactions = cs.getRestFirstRep().getResource().stream().collect(Collectors.toMap(
                r -> r.getType(), r -> r.getInteraction().stream().map(i -> i.getCode().toCode()).collect(Collectors.toSet())));
        assertEquals(Map.of(
                "DocumentReference", Set.of("search-type", "read", "vread", "create", "patch", "delete"),
                "List", Set.of("search-type", "read", "vread"),
                "Binary", Set.of("read"),
                "Patient", Set.of("search-type", "read"),
                "AuditEvent", Set.of("search-type"),
                // the medical profile (docs/medical-profile.md)
                "Immunization", Set.of("search-type", "create"),
                "Procedure", Set.of("search-type"),
                "RelatedPerson", Set.of("search-type"),
                "Consent", Set.of("search-type"),
                "OperationDefinition", Set.of("read")), interactions);
        assertEquals(List.of("transaction"), cs.getRestFirstRep().getInteraction().stream()
                .map(i -> i.getCode().toCode()).toList());
        assertTrue(cs.getInstantiates().stream().anyMatch(c -> c.getValue().endsWith("IHE.MHD.DocumentResponder")));
        Set<String> params = cs.getRestFirstRep().getResource().stream().filter(r -> "DocumentReference".equals(r.getType()))
                .flatMap(r -> r.getSearchParam().stream()).map(p -> p.getName()).collect(Collectors.toSet());
        assertTrue(params.containsAll(Set.of("patient", "status", "creation", "period", "type", "category", "event",
                "facility", "setting", "format", "security-label", "related", "author", "identifier", "isArchived", "date")),
                params.toString());

        Bundle posted = durant.search().forResource(DocumentReference.class)
                .where(DocumentReference.PATIENT.hasChainedProperty(Patient.IDENTIFIER.exactly().systemAndIdentifier(INS_SYSTEM, ins)))
                .and(DocumentReference.STATUS.exactly().code("current"))
                .usingStyle(ca.uhn.fhir.rest.api.SearchStyleEnum.POST)
                .returnBundle(Bundle.class).execute();
        assertEquals(2, posted.getEntry().size());
    }

    // ------------------------------------------------------------------ ITI-66

    @Test
    void findDocumentListsFindsTheSubmissionSetAndTheFolderWithTheirMembers() {
        ProvideAndRegisterDocumentSet pnr = twoDocumentsAndFolder(ins, text("report"), text("prescription"));
        assertSuccess(xds.as(record.durant()).submit(pnr));
        String setUniqueId = pnr.getSubmissionSet().getUniqueId();
        Set<String> docIds = new HashSet<>();
        search(durant, current()).getEntry().forEach(e -> docIds.add("DocumentReference/" + e.getResource().getIdElement().getIdPart()));
        assertEquals(2, docIds.size());

        Map<String, String> sets = new LinkedHashMap<>();
        sets.put("patient.identifier", INS_SYSTEM + "|" + ins);
        sets.put("code", "submissionset");
        sets.put("status", "current");
        Bundle found = durant.search().byUrl(url("List", sets)).returnBundle(Bundle.class).execute();
        assertEquals(1, found.getEntry().size());
        ListResource set = (ListResource) found.getEntry().get(0).getResource();
        assertEquals("submissionset", set.getCode().getCodingFirstRep().getCode());
        FhirAnswerValidator.get().assertConforms(set, FhirAnswerValidator.MHD_SUBMISSION_SET);
        assertTrue(set.getIdentifier().stream().anyMatch(i -> ("urn:oid:" + setUniqueId).equals(i.getValue())), "uniqueId");
        assertEquals(docIds, members(set));

        sets.put("code", "folder");
        Bundle folders = durant.search().byUrl(url("List", sets)).returnBundle(Bundle.class).execute();
        assertEquals(1, folders.getEntry().size());
        ListResource folder = (ListResource) folders.getEntry().get(0).getResource();
        assertEquals("Suivi diabète", folder.getTitle());
        FhirAnswerValidator.get().assertConforms(folder, FhirAnswerValidator.MHD_FOLDER);
        assertEquals(docIds, members(folder));

        sets.remove("code");
        sets.put("designationType", token(CONTENT_TYPE));
        assertEquals(1, durant.search().byUrl(url("List", sets)).returnBundle(Bundle.class).execute().getEntry().size(),
                "designationType: the submission set's content type (the folder's codes differ)");

        ListResource read = durant.read().resource(ListResource.class).withId(set.getIdElement().getIdPart()).execute();
        assertEquals(docIds, members(read));
    }

    @Test
    void aListReferencesOnlyTheDocumentsTheCallerMaySeeAndAListOfHiddenDocumentsIsStillFound() {
        List<String> three = new ArrayList<>(submitMany(3, 1));
        Set<String> hidden = submitMany(1, 1);
        Map<String, String> sets = new LinkedHashMap<>();
        sets.put("patient.identifier", INS_SYSTEM + "|" + ins);
        sets.put("code", "submissionset");
        sets.put("status", "current");

        List<ListResource> forOther = lists(other, sets);
        assertEquals(2, forOther.size(), "the set of a masked document is found too");
        assertEquals(Set.copyOf(three.subList(0, 2)), uniqueIdsOf(memberIds(forOther.get(0))), "the masked one is no entry");
        assertEquals(List.of(), forOther.get(1).getEntry(), "a set whose documents are all hidden has no entry");

        List<ListResource> forAuthor = lists(durant, sets);
        assertEquals(Set.copyOf(three), uniqueIdsOf(memberIds(forAuthor.get(0))));
        assertEquals(hidden, uniqueIdsOf(memberIds(forAuthor.get(1))));
    }

    // ------------------------------------------------------------------ helpers

    static List<ListResource> lists(IGenericClient client, Map<String, ?> params) {
        return client.search().byUrl(url("List", params)).returnBundle(Bundle.class).execute().getEntry().stream()
                .map(e -> (ListResource) e.getResource()).toList();
    }

    static List<String> memberIds(ListResource list) {
        return list.getEntry().stream().map(e -> e.getItem().getReferenceElement().getIdPart()).toList();
    }

    /** {@code count} documents in one ITI-41 by Dr DURANT, the last {@code maskedCount} masked; their uniqueIds. */
    Set<String> submitMany(int count, int maskedCount) {
        ProvideAndRegisterDocumentSet pnr = single(ins, text("document 0"));
        for (int i = 1; i < count; i++) {
            String symbolic = "Document" + (100 + i);
            DocumentEntry e = entry(symbolic, ins, CLASS_CR, TYPE_CR_CONSULTATION, FORMAT_TEXT, "text/plain", "20251120093000");
            pnr.getDocuments().add(new Document(e, content(text("document " + i), "text/plain")));
            pnr.getAssociations().add(hasMember("Assoc" + (100 + i), "SubmissionSet01", symbolic, AssociationLabel.ORIGINAL));
        }
        Set<String> ids = new java.util.LinkedHashSet<>();
        for (int i = 0; i < count; i++) {
            DocumentEntry e = pnr.getDocuments().get(i).getDocumentEntry();
            if (i >= count - maskedCount) {
                e.getConfidentialityCodes().add(CONF_MASQUE_PS);
            }
            ids.add(e.getUniqueId());
        }
        assertSuccess(xds.as(record.durant()).submit(pnr));
        return ids;
    }

    Map<String, String[]> current(String... more) {
        Map<String, String[]> params = new LinkedHashMap<>();
        params.put("patient.identifier", new String[]{INS_SYSTEM + "|" + ins});
        params.put("status", new String[]{"current"});
        if (more.length > 0) {
            String[] values = new String[more.length - 1];
            System.arraycopy(more, 1, values, 0, values.length);
            params.put(more[0], values);
        }
        return params;
    }

    Map<String, String[]> current(String name, String[] values) {
        Map<String, String[]> params = current();
        params.put(name, values);
        return params;
    }

    Map<String, String[]> status(String status) {
        Map<String, String[]> params = current();
        params.put("status", new String[]{status});
        return params;
    }

    Bundle search(IGenericClient client, Map<String, ?> params) {
        return client.search().byUrl(url("DocumentReference", params)).returnBundle(Bundle.class).execute();
    }

    static String url(String resource, Map<String, ?> params) {
        StringBuilder url = new StringBuilder(resource).append('?');
        for (Map.Entry<String, ?> p : params.entrySet()) {
            Object v = p.getValue();
            for (String value : v instanceof String[] values ? values : new String[]{(String) v}) {
                if (url.charAt(url.length() - 1) != '?') {
                    url.append('&');
                }
                url.append(p.getKey()).append('=').append(URLEncoder.encode(value, StandardCharsets.UTF_8));
            }
        }
        return url.toString();
    }

    static String token(Code code) {
        return FhirCodeSystems.toUri(code.getSchemeName()) + "|" + code.getCode();
    }

    static Set<String> uniqueIds(Bundle bundle) {
        return bundle.getEntry().stream().map(e -> ((DocumentReference) e.getResource()).getMasterIdentifier().getValue()
                .substring("urn:oid:".length())).collect(Collectors.toSet());
    }

    Set<String> uniqueIdsOf(List<String> ids) {
        Set<String> uniqueIds = new java.util.LinkedHashSet<>();
        for (String id : ids) {
            uniqueIds.add(durant.read().resource(DocumentReference.class).withId(id).execute().getMasterIdentifier()
                    .getValue().substring("urn:oid:".length()));
        }
        return uniqueIds;
    }

    static String idOf(Bundle bundle) {
        assertEquals(1, bundle.getEntry().size());
        return bundle.getEntry().get(0).getResource().getIdElement().getIdPart();
    }

    static Set<String> members(ListResource list) {
        return list.getEntry().stream().map(e -> e.getItem().getReference()).collect(Collectors.toSet());
    }

    static List<String> authorFamilies(DocumentReference d) {
        List<String> families = new ArrayList<>();
        for (Resource r : d.getContained()) {
            if (r instanceof Practitioner p) {
                families.add(p.getNameFirstRep().getFamily());
            }
        }
        if (families.isEmpty()) {
            for (Resource r : d.getContained()) {
                if (r instanceof PractitionerRole role && role.getPractitioner().getResource() instanceof Practitioner p) {
                    families.add(p.getNameFirstRep().getFamily());
                }
            }
        }
        return families;
    }

    static void assertCoding(Code expected, Coding actual) {
        assertEquals(expected.getCode(), actual.getCode());
        assertEquals(FhirCodeSystems.toUri(expected.getSchemeName()), actual.getSystem(), expected.getCode());
    }

    void assertRefused(IGenericClient client, String resource, Map<String, ?> params, String parameter) {
        BaseServerResponseException e = assertThrows(BaseServerResponseException.class,
                () -> client.search().byUrl(url(resource, params)).returnBundle(Bundle.class).execute());
        assertEquals(400, e.getStatusCode(), parameter);
        assertTrue(outcome(e).contains(parameter), parameter + ": " + outcome(e));
    }

    static String outcome(BaseServerResponseException e) {
        if (e.getOperationOutcome() instanceof OperationOutcome o) {
            return o.getIssue().stream().map(i -> i.getDiagnostics() + " " + i.getDetails().getCodingFirstRep().getCode()
                    + " " + i.getExpression()).collect(Collectors.joining("; "));
        }
        return e.getMessage();
    }

    HttpResponse<byte[]> get(String url, Vihf vihf, String accept) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + FhirToken.of(vihf))
                .header("Accept", accept).GET().build();
        return FhirAnswerValidator.assertValid(HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofByteArray()));
    }
}
