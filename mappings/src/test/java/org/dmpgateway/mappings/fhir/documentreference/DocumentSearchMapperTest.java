package org.dmpgateway.mappings.fhir.documentreference;

import ca.uhn.fhir.rest.param.DateRangeParam;
import ca.uhn.fhir.rest.param.ReferenceAndListParam;
import ca.uhn.fhir.rest.param.ReferenceOrListParam;
import ca.uhn.fhir.rest.param.ReferenceParam;
import ca.uhn.fhir.rest.param.TokenAndListParam;
import ca.uhn.fhir.rest.param.TokenOrListParam;
import ca.uhn.fhir.rest.param.TokenParam;
import org.dmpgateway.model.error.DmpErrorCode;
import org.dmpgateway.model.error.DmpException;
import org.dmpgateway.model.CodedValue;
import org.dmpgateway.model.EntryStatus;
import org.dmpgateway.model.PatientRef;
import org.dmpgateway.model.query.DocumentCriteria;
import org.dmpgateway.model.query.QueryCommand;
import org.dmpgateway.model.query.RegistryQuery;
import org.dmpgateway.model.query.TimeRangeCriterion;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

public class DocumentSearchMapperTest {
    static final String INS = "279035121518989";
    static final String TEST_OID = "1.2.250.1.213.1.4.10";
    static final PatientRef PATIENT = new PatientRef(INS, TEST_OID);

    static DocumentSearchParameters.Builder base() {
        return DocumentSearchParameters.builder()
                .patient(new ReferenceParam("Patient/" + INS + "-" + TEST_OID))
                .status(tokens("current"));
    }

    public static TokenOrListParam tokens(String... values) {
        TokenOrListParam list = new TokenOrListParam();
        for (String v : values) {
            int bar = v.indexOf('|');
            list.add(bar < 0 ? new TokenParam(v) : new TokenParam(v.substring(0, bar), v.substring(bar + 1)));
        }
        return list;
    }

    /** A date parameter as HAPI's server parses it: each value one occurrence of the parameter. */
    public static DateRangeParam dates(String... values) {
        DateRangeParam range = new DateRangeParam();
        List<ca.uhn.fhir.rest.api.QualifiedParamList> occurrences = new java.util.ArrayList<>();
        for (String v : values) {
            occurrences.add(ca.uhn.fhir.rest.api.QualifiedParamList.singleton(v));
        }
        range.setValuesAsQueryTokens(ca.uhn.fhir.context.FhirContext.forR4Cached(), "date", occurrences);
        return range;
    }

    static DocumentCriteria criteria(DocumentSearchParameters.Builder b) {
        return DocumentSearchMapper.toCriteria(b.build());
    }

    static DmpException refused(DocumentSearchParameters.Builder b, String parameter) {
        DmpException e = assertThrows(DmpException.class, () -> DocumentSearchMapper.toCriteria(b.build()));
        assertEquals(DmpErrorCode.INVALID_QUERY_PARAMETER, e.code());
        assertEquals(parameter, e.errors().get(0).location(), e.getMessage());
        assertTrue(e.getMessage().contains("'" + parameter + "'"), e.getMessage());
        return e;
    }

    @Test
    void thePatientAndStatusMakeAFindDocumentsOfApprovedEntries() {
        QueryCommand q = DocumentSearchMapper.toQuery(base().build());

        assertFalse(q.objectRefsOnly());
        DocumentCriteria c = ((RegistryQuery.FindDocuments) q.query()).criteria();
        assertEquals(PATIENT, c.patient());
        assertEquals(List.of(EntryStatus.APPROVED), c.statuses());
        assertNull(c.typeCodes());
        assertNull(c.offset());
        assertNull(c.limit());
        assertTrue(c.creationTime().isEmpty());
    }

    @Test
    void patientIdentifierIsTheInsWithItsAuthority() {
        DocumentCriteria c = criteria(base().patient(new ReferenceParam("identifier", "urn:oid:1.2.250.1.213.1.4.8|" + INS)));

        assertEquals(new PatientRef(INS, "1.2.250.1.213.1.4.8"), c.patient());
    }

    @Test
    void aPatientIdentifierOfAnotherSystemIsRefused() {
        refused(base().patient(new ReferenceParam("identifier", "urn:oid:1.2.3|" + INS)), "patient.identifier");
        refused(base().patient(new ReferenceParam("Patient/" + INS)), "patient");
    }

    @Test
    void patientAndStatusAreRequired() {
        refused(DocumentSearchParameters.builder().status(tokens("current")), "patient");
        refused(base().status(null), "status");
    }

    @Test
    void statusesFollowMhdAndPdsmIsArchived() {
        assertEquals(List.of(EntryStatus.APPROVED, EntryStatus.DEPRECATED),
                criteria(base().status(tokens("current", "superseded"))).statuses());
        assertEquals(List.of(EntryStatus.ARCHIVED), criteria(base().isArchived(tokens("true"))).statuses());
        assertEquals(List.of(EntryStatus.APPROVED, EntryStatus.ARCHIVED),
                criteria(base().isArchived(tokens("true", "false"))).statuses());
        assertEquals(List.of(EntryStatus.APPROVED), criteria(base().isArchived(tokens("false"))).statuses());
        assertEquals(List.of(), criteria(base().status(tokens("entered-in-error"))).statuses(),
                "entered-in-error selects nothing");
        assertEquals(List.of(EntryStatus.APPROVED),
                criteria(base().status(tokens("http://hl7.org/fhir/document-reference-status|current"))).statuses());
        refused(base().status(tokens("approved")), "status");
        refused(base().isArchived(tokens("yes")), "isArchived");
    }

    @Test
    void codedTokensBecomeCodesWithTheirOid() {
        DocumentCriteria c = criteria(base()
                .type(tokens("http://loinc.org|11488-4", "http://loinc.org|57833-6"))
                .category(tokens("urn:oid:1.2.250.1.213.1.1.4.1|10"))
                .format(tokens("urn:oid:1.3.6.1.4.1.19376.1.2.3|urn:ihe:iti:xds-sd:pdf:2008"))
                .facility(tokens("urn:oid:1.2.250.1.71.4.2.4|SA07"))
                .setting(tokens("urn:oid:1.2.250.1.213.1.1.4.9|AMBULATOIRE")));

        assertEquals(List.of(new CodedValue("11488-4", "2.16.840.1.113883.6.1", null),
                new CodedValue("57833-6", "2.16.840.1.113883.6.1", null)), c.typeCodes());
        assertEquals(List.of(new CodedValue("10", "1.2.250.1.213.1.1.4.1", null)), c.classCodes());
        assertEquals(List.of(new CodedValue("urn:ihe:iti:xds-sd:pdf:2008", "1.3.6.1.4.1.19376.1.2.3", null)), c.formatCodes());
        assertEquals(List.of(new CodedValue("SA07", "1.2.250.1.71.4.2.4", null)), c.healthcareFacilityTypeCodes());
        assertEquals(List.of(new CodedValue("AMBULATOIRE", "1.2.250.1.213.1.1.4.9", null)), c.practiceSettingCodes());
    }

    @Test
    void eventAndSecurityLabelAreAndOfOrGroups() {
        TokenAndListParam labels = new TokenAndListParam()
                .addAnd(tokens("urn:oid:2.16.840.1.113883.5.25|N", "urn:oid:2.16.840.1.113883.5.25|R"))
                .addAnd(tokens("urn:oid:1.2.250.1.213.1.1.4.13|MASQUE_PS"));
        DocumentCriteria c = criteria(base().securityLabel(labels)
                .event(new TokenAndListParam().addAnd(tokens("urn:oid:1.2.250.1.213.2.5|GLYC"))));

        assertEquals(2, c.confidentialityCodes().size());
        assertEquals(List.of("N", "R"), c.confidentialityCodes().get(0).stream().map(CodedValue::code).toList());
        assertEquals("2.16.840.1.113883.5.25", c.confidentialityCodes().get(0).get(0).codeSystem());
        assertEquals(List.of(new CodedValue("MASQUE_PS", "1.2.250.1.213.1.1.4.13", null)), c.confidentialityCodes().get(1));
        assertEquals(List.of(List.of(new CodedValue("GLYC", "1.2.250.1.213.2.5", null))), c.eventCodes());
    }

    @Test
    void aTokenWithoutSystemOrWithASystemWithoutOidIsRefused() {
        refused(base().type(tokens("11488-4")), "type");
        refused(base().category(tokens("http://example.org/classes|10")), "category");
        TokenParam text = new TokenParam("http://loinc.org", "11488-4").setModifier(ca.uhn.fhir.rest.param.TokenParamModifier.TEXT);
        refused(base().type(new TokenOrListParam().add(text)), "type");
    }

    @Test
    void creationRangesAreFromInclusiveToExclusive() {
        DocumentCriteria day = criteria(base().creation(dates("2025-11-20")));
        assertEquals(new TimeRangeCriterion("20251120", "20251121"), day.creationTime());

        DocumentCriteria range = criteria(base().creation(dates("ge2025-11", "le2025-11-20")));
        assertEquals(new TimeRangeCriterion("202511", "20251121"), range.creationTime());

        DocumentCriteria strict = criteria(base().creation(dates("gt2025-11-20T09:30:00Z", "lt2025-12-31T23:00:00+01:00")));
        assertEquals(new TimeRangeCriterion("20251120093001", "20251231220000"), strict.creationTime());

        DocumentCriteria year = criteria(base().creation(dates("lt2026")));
        assertEquals(new TimeRangeCriterion(null, "2026"), year.creationTime());
    }

    @Test
    void prefixesAStoredQueryCannotSayAreRefused() {
        refused(base().creation(dates("ne2025-11-20")), "creation");
    }

    @Test
    void dateSearchesTheCreationTimeAndIntersectsWithCreation() {
        assertEquals(new TimeRangeCriterion("20251120", null), criteria(base().date(dates("ge2025-11-20"))).creationTime());
        assertEquals(new TimeRangeCriterion("20251120", "20251125"),
                criteria(base().date(dates("ge2025-11-20")).creation(dates("lt2025-11-25"))).creationTime());
        refused(base().date(dates("ne2025-11-20")), "date");
    }

    @Test
    void periodSelectsTheServiceTimesThatOverlap() {
        DocumentCriteria c = criteria(base().period(dates("ge2025-11-20", "lt2025-11-22")));

        assertEquals(new TimeRangeCriterion("20251120", null), c.serviceStopTime(), "stops after the start of the range");
        assertEquals(new TimeRangeCriterion(null, "20251122"), c.serviceStartTime(), "starts before its end");

        DocumentCriteria both = criteria(base().period(dates("ge2025-11-20"))
                .periodStart(dates("ge2025-11-01", "lt2025-11-21"))
                .periodEnd(dates("ge2025-11-25")));
        assertEquals(new TimeRangeCriterion("20251101", "20251121"), both.serviceStartTime());
        assertEquals(new TimeRangeCriterion("20251125", null), both.serviceStopTime(), "the later lower bound wins");
    }

    @Test
    void authorNamesArePatternsOnTheXcnNameComponents() {
        ReferenceAndListParam family = new ReferenceAndListParam().addAnd(new ReferenceOrListParam().add(new ReferenceParam("family", "DURANT")));
        assertEquals(List.of("%^DURANT^%", "%^DURANT"), criteria(base().author(family)).authorPersons());

        ReferenceAndListParam both = new ReferenceAndListParam()
                .addAnd(new ReferenceOrListParam().add(new ReferenceParam("given", "Romuald")))
                .addAnd(new ReferenceOrListParam().add(new ReferenceParam("family", "DURANT")).add(new ReferenceParam("family", "PETIT")));
        assertEquals(List.of("%^DURANT^Romuald^%", "%^DURANT^Romuald", "%^PETIT^Romuald^%", "%^PETIT^Romuald"),
                criteria(base().author(both)).authorPersons());

        ReferenceAndListParam given = new ReferenceAndListParam().addAnd(new ReferenceOrListParam().add(new ReferenceParam("given", "50%_x")));
        assertEquals(List.of("%^%^50\\%\\_x^%", "%^%^50\\%\\_x"), criteria(base().author(given)).authorPersons(),
                "LIKE wildcards in the value are escaped");

        ReferenceAndListParam twice = new ReferenceAndListParam()
                .addAnd(new ReferenceOrListParam().add(new ReferenceParam("family", "A")))
                .addAnd(new ReferenceOrListParam().add(new ReferenceParam("family", "B")));
        refused(base().author(twice), "author.family");
    }

    @Test
    void identifierIsAUniqueIdOrAnEntryUuidAndIdAnEntryUuid() {
        String uuid = "urn:uuid:0c287d32-01e3-4d87-9953-9fcc9404eb21";
        assertEquals(List.of("1.2.3.4"), criteria(base().identifier(tokens("urn:ietf:rfc:3986|urn:oid:1.2.3.4"))).uniqueIds());
        assertEquals(List.of("1.2.3.4"), criteria(base().identifier(tokens("1.2.3.4"))).uniqueIds());
        DocumentCriteria byUuid = criteria(base().identifier(tokens(uuid)));
        assertEquals(List.of(uuid), byUuid.entryUuids());
        assertNull(byUuid.uniqueIds());

        assertEquals(List.of(uuid), criteria(base().id(tokens(uuid.substring(9)))).entryUuids());
        assertEquals(List.of(), criteria(base().identifier(tokens(uuid)).id(tokens("other-id"))).entryUuids(),
                "an identifier and an _id that differ select nothing");

        refused(base().identifier(tokens("urn:oid:1.2.3", uuid)), "identifier");
        refused(base().identifier(tokens("http://example.org|42")), "identifier");
        refused(base().identifier(tokens("not an id")), "identifier");
    }

    @Test
    void relatedIsAReferenceIdValue() {
        String cxi = "ORDER-42^^^&1.2.250.1.999.4&ISO^urn:ihe:iti:xds:2013:order";
        ReferenceOrListParam raw = new ReferenceOrListParam().add(new ReferenceParam(cxi));
        assertEquals(List.of(cxi), criteria(base().related(raw)).referenceIds());

        ReferenceOrListParam chained = new ReferenceOrListParam().add(new ReferenceParam("identifier", "urn:oid:1.2.250.1.999.4|ORDER-42"));
        assertEquals(List.of("ORDER-42^^^&1.2.250.1.999.4&ISO"), criteria(base().related(chained)).referenceIds());
    }
}
