package org.dmpgateway.mappings.fhir.list;

import org.dmpgateway.mappings.fhir.common.MhdUrls;
import org.dmpgateway.model.CodedValue;
import org.dmpgateway.model.EntryStatus;
import org.dmpgateway.model.FolderRecord;
import org.dmpgateway.model.SubmissionSetRecord;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.ListResource;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.dmpgateway.mappings.fhir.common.FhirFixtures.DUPONT;
import static org.dmpgateway.mappings.fhir.common.FhirFixtures.JSON;
import static org.dmpgateway.mappings.fhir.common.FhirFixtures.durantAuthor;
import static org.dmpgateway.mappings.fhir.common.FhirFixtures.refusals;
import static org.junit.jupiter.api.Assertions.assertEquals;

public class ListMapperTest {
    public static final SubmissionSetRecord SET = new SubmissionSetRecord("urn:uuid:7b1c2d3e-0000-4000-8000-000000000001",
            "1.2.250.1.999.2.1", "1.2.250.1.999.3", null, DUPONT, "20260612083000",
            new CodedValue("SA07", "1.2.250.1.71.4.2.4", "Cabinet individuel"), List.of(durantAuthor()),
            List.of("|810002345678^DURANT^Romuald^^^^^^&1.2.250.1.71.4.2.1&ISO^D^^^IDNPS"), "Lot du 12 juin", "Suivi",
            EntryStatus.APPROVED, false, Map.of());

    @Test
    void submissionSetRoundTrip() {
        ListResource list = ListMapper.toResource(SET, List.of("urn:uuid:6a0c1b0e-2f59-4a8a-9f5e-0d6b3b4f1a01", "List/f1"));
        assertEquals("submissionset", ListMapper.listType(list));
        assertEquals("7b1c2d3e-0000-4000-8000-000000000001", list.getIdElement().getIdPart());
        assertEquals(Identifier.IdentifierUse.USUAL, list.getIdentifier().get(1).getUse());
        assertEquals("urn:oid:1.2.250.1.999.2.1", list.getIdentifier().get(1).getValue());
        assertEquals("urn:oid:1.2.250.1.999.3",
                ((Identifier) list.getExtensionByUrl(MhdUrls.EXT_SOURCE_ID).getValue()).getValue());
        assertEquals(List.of("DocumentReference/6a0c1b0e-2f59-4a8a-9f5e-0d6b3b4f1a01", "List/f1"), ListMapper.memberReferences(list));
        assertEquals("2026-06-12T08:30:00Z", list.getDateElement().getValueAsString());
        ListResource parsed = JSON.parseResource(ListResource.class, JSON.encodeResourceToString(list));
        assertEquals(SET, ListMapper.toSubmissionSet(parsed, null));
    }

    @Test
    void folderRoundTrip() {
        FolderRecord f = new FolderRecord("urn:uuid:7b1c2d3e-0000-4000-8000-000000000002", null, null, "1.2.250.1.999.4.1",
                null, DUPONT, List.of(new CodedValue("DIAB", "1.2.250.1.999.9", "Diabète")), "20260612083000", "Suivi diabète",
                null, EntryStatus.APPROVED, false, Map.of());
        ListResource list = ListMapper.toResource(f, List.of());
        assertEquals("folder", ListMapper.listType(list));
        assertEquals(f, ListMapper.toFolder(JSON.parseResource(ListResource.class, JSON.encodeResourceToString(list)), null));
    }

    @Test
    void refusalsNameTheListField() {
        ListResource list = ListMapper.toResource(SET, List.of());
        list.getIdentifier().removeIf(i -> i.getUse() == Identifier.IdentifierUse.USUAL);
        list.getExtension().removeIf(e -> e.getUrl().equals(MhdUrls.EXT_SOURCE_ID) || e.getUrl().equals(MhdUrls.EXT_DESIGNATION_TYPE));
        list.setDate(null);
        assertEquals(List.of(
                "List.identifier: the submission set's uniqueId is required (identifier use usual, urn:oid:<OID>)",
                "List.extension:sourceId: the sourceId is required (extension " + MhdUrls.EXT_SOURCE_ID
                        + ", valueIdentifier urn:oid:<OID>)",
                "List.date: the submissionTime is required",
                "List.extension:designationType: the contentTypeCode is required (extension " + MhdUrls.EXT_DESIGNATION_TYPE + ")"),
                refusals(() -> ListMapper.toSubmissionSet(list, null)));
        assertEquals("List.code: a folder is a List with code folder of " + MhdUrls.LIST_TYPES,
                refusals(() -> ListMapper.toFolder(ListMapper.toResource(SET, List.of()), null)).get(0));
    }
}
