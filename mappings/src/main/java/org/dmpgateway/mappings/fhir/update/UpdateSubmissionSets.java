package org.dmpgateway.mappings.fhir.update;

import org.dmpgateway.mappings.fhir.common.UuidOids;
import org.dmpgateway.mappings.fhir.common.FhirAuthors;
import org.dmpgateway.mappings.fhir.common.FhirCodeSystems;
import org.dmpgateway.model.access.AccessContext;
import org.dmpgateway.model.AuthorInfo;
import org.dmpgateway.model.EntryStatus;
import org.dmpgateway.model.PatientRef;
import org.dmpgateway.model.SubmissionSetRecord;
import org.hl7.fhir.r4.model.HumanName;
import org.hl7.fhir.r4.model.Identifier;

import java.time.Clock;
import java.time.ZonedDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The submission set of a metadata update made over FHIR (PATCH, DELETE): XDS records every update
 * in a submission set, a FHIR PATCH has none, so the gateway makes one for the caller: a new
 * entryUUID and uniqueId (an OID under 2.25 derived from a UUID), the given sourceId (the gateway's
 * OID), the patient, the time, and the calling professional as author (XCN with the national
 * identifier, rendered by IPF as the XDS side stores it).
 */
public final class UpdateSubmissionSets {
    private static final DateTimeFormatter DTM = DateTimeFormatter.ofPattern("yyyyMMddHHmmss");
    /** Assigning authority of the professionals' national identifiers (IdNat_PS). */
    private static final String IDNAT_PS = "1.2.250.1.71.4.2.1";

    private UpdateSubmissionSets() {
    }

    public static SubmissionSetRecord forCaller(AccessContext caller, PatientRef patient, String sourceId, Clock clock) {
        String[] name = caller.actorName() == null ? new String[0] : caller.actorName().split(",\\s*", 2);
        HumanName humanName = new HumanName().setFamily(name.length > 0 ? name[0] : null);
        if (name.length > 1) {
            humanName.addGiven(name[1]);
        }
        String person = FhirAuthors.xcn(new Identifier().setSystem(FhirCodeSystems.URN_OID + IDNAT_PS)
                .setValue(caller.actorId()), humanName, "D");
        AuthorInfo author = new AuthorInfo(person, List.of(), List.of(), List.of(), List.of());
        return new SubmissionSetRecord("urn:uuid:" + UUID.randomUUID(), UuidOids.oidOf(UUID.randomUUID()),
                sourceId == null || sourceId.isBlank() ? null : sourceId, null, patient,
                ZonedDateTime.now(clock).withZoneSameInstant(ZoneOffset.UTC).format(DTM), null, List.of(author), List.of(),
                "Mise à jour FHIR (PATCH / DELETE)", null, EntryStatus.APPROVED, false, Map.of());
    }
}
