package org.dmpgateway.mappings.xds.iti18;

import org.dmpgateway.mappings.xds.iti41.XdsSubmissionMapper;
import org.dmpgateway.mappings.xds.validation.DmpValidationProfile;
import org.dmpgateway.mappings.xds.validation.DmpValidationProfileTest;
import org.dmpgateway.model.AuthorInfo;
import org.dmpgateway.model.CodedValue;
import org.dmpgateway.model.DocumentEntryRecord;
import org.dmpgateway.model.EntryStatus;
import org.dmpgateway.model.PatientRef;
import org.dmpgateway.model.SubmittedDocument;
import org.dmpgateway.model.query.DocumentCursor;
import org.dmpgateway.model.query.QueryResult;
import org.dmpgateway.model.query.StreamedQueryResult;
import org.junit.jupiter.api.Test;
import org.openehealth.ipf.commons.ihe.xds.core.SampleData;
import org.openehealth.ipf.commons.ihe.xds.core.ebxml.ebxml30.EbXMLFactory30;
import org.openehealth.ipf.commons.ihe.xds.core.ebxml.ebxml30.EbXMLProvideAndRegisterDocumentSetRequest30;
import org.openehealth.ipf.commons.ihe.xds.core.ebxml.ebxml30.ProvideAndRegisterDocumentSetRequestType;
import org.openehealth.ipf.commons.ihe.xds.core.transform.requests.ProvideAndRegisterDocumentSetTransformer;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

import static org.dmpgateway.mappings.xds.iti18.AnswerTexts.assertSameText;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The document entries written by the StAX writer (ExtrinsicObjectWriter, through
 * {@link StreamedQueryResponse}) are the text IPF's transformer, ValuesAsSent and JAXB write for the
 * same records, byte for byte but for the ids drawn at random in every answer: every metadata field
 * present or absent, several authors, many codes, extra slots, deprecated and on-demand entries,
 * sourcePatientInfo, referenceIdList, times of every precision and with a zone, characters to
 * escape, and the DMP's official TD2.1 entries (values of the DMP's conventions given back as sent).
 */
class ExtrinsicObjectWriterEqualityTest {
    private static final DocumentEntryRecord SAMPLE = XdsSubmissionMapper.toSubmission(
            SampleData.createProvideAndRegisterDocumentSet()).documents().get(0).entry();
    private static final String INS_AS_SENT = "207058575627097^^^&1.2.250.1.213.1.4.10&ISO^NH^^20100907";

    private static String streamed(List<DocumentEntryRecord> records) throws Exception {
        return AnswerTexts.write(StreamedQueryResponse.toEbXml(new StreamedQueryResult(
                new QueryResult(List.of(), List.of(), List.of(), List.of(), false), records.size(),
                DocumentCursor.of(records))));
    }

    private static void assertSameAnswer(List<DocumentEntryRecord> records) throws Exception {
        assertSameText(AnswerTexts.whole(records), streamed(records));
    }

    private static List<DocumentEntryRecord> variants(List<UnaryOperator<DocumentEntryRecord.Builder>> changes) {
        List<DocumentEntryRecord> out = new ArrayList<>();
        for (int i = 0; i < changes.size(); i++) {
            out.add(changes.get(i).apply(SAMPLE.toBuilder()
                    .entryUuid("urn:uuid:00000000-0000-0000-0000-" + String.format("%012d", i))).build());
        }
        return out;
    }

    @Test
    void theSampleEntryAndEachFieldAbsent() throws Exception {
        assertSameAnswer(variants(List.of(
                b -> b,
                b -> b.logicalUuid(null).version(null).homeCommunityId(null),
                b -> b.sourcePatientId(null).sourcePatientInfo(List.of()).legalAuthenticator(null),
                b -> b.classCode(null).typeCode(null).formatCode(null).healthcareFacilityTypeCode(null)
                        .practiceSettingCode(null).confidentialityCodes(List.of()).eventCodes(List.of()),
                b -> b.creationTime(null).serviceStartTime(null).serviceStopTime(null),
                b -> b.authors(List.of()).title(null).comments(null).languageCode(null),
                b -> b.mimeType(null).hash(null).size(null).repositoryUniqueId(null).uri(null),
                b -> b.referenceIds(List.of()).documentAvailability(null).availabilityStatus(null),
                b -> b.patientIdAsSent(null).patientId(null),
                b -> b.patientIdAsSent(null))));
    }

    @Test
    void statusesTypesVersionsAndLimitedMetadata() throws Exception {
        assertSameAnswer(variants(List.of(
                b -> b.availabilityStatus(EntryStatus.DEPRECATED).onDemand(true),
                b -> b.availabilityStatus(EntryStatus.ARCHIVED).logicalUuid("urn:uuid:11111111-1111-4111-8111-111111111111")
                        .version("3").homeCommunityId("urn:oid:1.2.250.1.213.1.1.9"),
                b -> b.availabilityStatus(EntryStatus.DELETED).limitedMetadata(true),
                b -> b.documentAvailability("urn:ihe:iti:2010:DocumentAvailability:Online"),
                b -> b.documentAvailability("Offline").availabilityStatus(EntryStatus.SUBMITTED))));
    }

    @Test
    void severalAuthorsManyCodesAndTheDmpConventionsAsSent() throws Exception {
        AuthorInfo dmp = new AuthorInfo("801234567890^DURAND^Pierre^^^Dr^^^&1.2.250.1.71.4.2.1&ISO^D^^^IDNPS",
                List.of("CABINET DR LIBRE^^^^^&1.2.250.1.71.4.2.2&ISO^IDNST^^^499900063480001",
                        "Clinique des Lilas^^^^^&1.2.250.1.71.4.2.2&ISO^IDNST^^^10B0123456"),
                List.of("10^Médecin^1.2.250.1.213.1.1.4.6"),
                List.of("G15_10/SM26^Médecin - Qualifié en Médecine Générale (SM)^1.2.250.1.213.1.1.4.5"),
                List.of("^WPN^PH^^^^^^^^^0123456789", "^NET^Internet^pierre.durand@example.org"));
        AuthorInfo device = new AuthorInfo(null, List.of("Laboratoire^^^^^&1.2.250.1.71.4.2.2&ISO^IDNST^^^3"),
                List.of(), List.of(), List.of());
        List<CodedValue> events = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            events.add(new CodedValue("E" + i, "1.2.250.1.213.1.1.4." + i, i % 3 == 0 ? null : "Event " + i));
        }
        assertSameAnswer(variants(List.of(
                b -> b.authors(List.of(dmp, device, SAMPLE.authors().get(0))),
                b -> b.patientIdAsSent(INS_AS_SENT).patientId(new PatientRef("207058575627097", "1.2.250.1.213.1.4.10"))
                        .sourcePatientId("207058575627097^^^&1.2.250.1.213.1.4.10&ISO^NH^^20100907")
                        .authors(List.of(dmp, dmp)),
                b -> b.eventCodes(events).confidentialityCodes(List.of(
                        new CodedValue("N", "2.16.840.1.113883.5.25", "Normal"),
                        new CodedValue("MASQUE_PS", "1.2.250.1.213.1.1.4.13", "Document masqué aux professionnels de santé"),
                        new CodedValue("INVISIBLE_PATIENT", "1.2.250.1.213.1.1.4.13", null))),
                b -> b.classCode(new CodedValue("10", null, "Compte rendu")))));
    }

    @Test
    void extraSlotsTimesUrisAndCharactersToEscape() throws Exception {
        String special = "Compte-rendu <urgent> & \"résumé\" 'été' \t\n\r ü € 𝄞 ]]> &amp;";
        assertSameAnswer(variants(List.of(
                b -> b.extraMetadata(Map.of(
                        "urn:asip:ci-sis:2010:documentVisibility", List.of("1"),
                        "urn:example:several", List.of("a", "b & c", "<d>"),
                        "urn:example:none", List.of(),
                        "urn:ihe:iti:xds:2013:notExtra", List.of("x"),
                        "notUrn", List.of("y"))),
                b -> b.title(special).comments(special).languageCode("fr-FR")
                        .classCode(new CodedValue("C&1", "1.2<3>", special))
                        .sourcePatientInfo(List.of("PID-3|ID1^^^&1.2.3&ISO", "PID-5|DURAND^Pierre & Marie^^^",
                                "PID-5|NOM<2>^^^", "PID-7|19800101", "PID-8|M", "PID-11|1 rue de l'Église^^Paris^^75001")),
                b -> b.creationTime("2010").serviceStartTime("201009").serviceStopTime("20100907"),
                b -> b.creationTime("2010090712").serviceStartTime("201009071230").serviceStopTime("20100907123045"),
                b -> b.creationTime("20100907123045+0200").serviceStartTime("20100907123045-0500"),
                b -> b.uri("http://example.org/" + "a".repeat(300) + "?x=1&y=2"),
                b -> b.referenceIds(List.of("ref-1^^^&1.2.3&ISO^urn:ihe:iti:xds:2013:accession",
                        "ref-2^^^ABC&1.2.4&ISO^urn:ihe:iti:xds:2013:uniqueId^^20100907")),
                b -> b.hash("da39a3ee5e6b4b0d3255bfef95601890afd80709").size(0L)
                        .mimeType("text/xml; charset=\"UTF-8\""))));
    }

    /** The DMP's official TD2.1 (reference-examples/dmp-official/) as the registry stores and gives it back. */
    @Test
    void theOfficialTd21EntriesComeBackTheSame() throws Exception {
        ProvideAndRegisterDocumentSetRequestType td21 = DmpValidationProfileTest.td21();
        DmpValidationProfile.matchDocumentIds(td21);
        List<DocumentEntryRecord> records = XdsSubmissionMapper.toSubmission(
                        new ProvideAndRegisterDocumentSetTransformer(new EbXMLFactory30())
                                .fromEbXML(new EbXMLProvideAndRegisterDocumentSetRequest30(td21)))
                .documents().stream().map(SubmittedDocument::entry)
                .map(e -> e.withRegistryValues("urn:uuid:00000000-0000-4000-8000-00000000000" + e.uniqueId().length() % 10,
                        "1", EntryStatus.APPROVED, "da39a3ee5e6b4b0d3255bfef95601890afd80709", 10L,
                        "1.2.250.1.213.4.1.1.1.2", null))
                .toList();
        String streamed = streamed(records);

        assertSameText(AnswerTexts.whole(records), streamed);
        assertTrue(streamed.contains("207058575627097^^^&amp;1.2.250.1.213.1.4.10&amp;ISO^NH^^20100907"),
                "the patient id as sent");
        assertTrue(streamed.contains("^IDNST^"), "an institution as sent");
    }

    /** 300 entries varied at random but reproducibly, sharing some values and not others. */
    @Test
    void manyVariedEntries() throws Exception {
        java.util.Random random = new java.util.Random(19);
        List<DocumentEntryRecord> records = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            DocumentEntryRecord.Builder b = SAMPLE.toBuilder()
                    .entryUuid("urn:uuid:00000000-0000-0000-0000-" + String.format("%012d", i))
                    .uniqueId("1.2.250.1." + i).title(random.nextBoolean() ? "Doc " + i : null)
                    .availabilityStatus(random.nextInt(4) == 0 ? EntryStatus.DEPRECATED : EntryStatus.APPROVED)
                    .classCode(new CodedValue("C" + random.nextInt(20), "1.2.3", "Class " + random.nextInt(5)))
                    .patientIdAsSent(random.nextBoolean() ? INS_AS_SENT : null)
                    .patientId(new PatientRef("207058575627097", "1.2.250.1.213.1.4.10"))
                    .limitedMetadata(random.nextInt(10) == 0)
                    .creationTime("2010" + String.format("%02d", 1 + random.nextInt(12)) + "07");
            if (random.nextBoolean()) {
                b.authors(List.of(new AuthorInfo("P" + random.nextInt(400) + "^Nom^Prénom^^^^^^&1.2.250.1.71.4.2.1&ISO",
                        List.of("Org " + random.nextInt(9) + "^^^^^&1.2.250.1.71.4.2.2&ISO^IDNST^^^" + random.nextInt(9)),
                        List.of(), List.of("S" + random.nextInt(3) + "^Spécialité^1.2.250.1.213.1.1.4.5"), List.of())));
            }
            records.add(b.build());
        }
        assertSameAnswer(records);
    }
}
