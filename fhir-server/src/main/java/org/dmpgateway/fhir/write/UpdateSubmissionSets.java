package org.dmpgateway.fhir.write;

import org.dmpgateway.mappings.access.AccessContext;
import org.dmpgateway.mappings.model.AuthorInfo;
import org.dmpgateway.mappings.model.EntryStatus;
import org.dmpgateway.mappings.model.PatientRef;
import org.dmpgateway.mappings.model.SubmissionSetRecord;

import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The submission set of a metadata update made over FHIR (PATCH, DELETE): XDS records every update
 * in a submission set, a FHIR PATCH has none, so the gateway makes one for the caller: a new
 * entryUUID and uniqueId (an OID under 2.25 derived from a UUID), the gateway's OID as sourceId, the
 * patient, the time, and the calling professional as author (XCN with the national identifier).
 */
final class UpdateSubmissionSets {
    private static final DateTimeFormatter DTM = DateTimeFormatter.ofPattern("yyyyMMddHHmmss");
    /** Assigning authority of the professionals' national identifiers (IdNat_PS). */
    private static final String IDNAT_PS = "1.2.250.1.71.4.2.1";

    private final String sourceId;

    UpdateSubmissionSets(String sourceId) {
        this.sourceId = sourceId == null || sourceId.isBlank() ? null : sourceId;
    }

    SubmissionSetRecord forCaller(AccessContext caller, PatientRef patient) {
        UUID uuid = UUID.randomUUID();
        String[] name = caller.actorName() == null ? new String[0] : caller.actorName().split(",\\s*", 2);
        String person = caller.actorId() + "^" + (name.length > 0 ? name[0] : "") + "^" + (name.length > 1 ? name[1] : "")
                + "^^^^^^&" + IDNAT_PS + "&ISO^D^^^IDNPS";
        AuthorInfo author = new AuthorInfo(person, List.of(), List.of(), List.of(), List.of());
        return new SubmissionSetRecord("urn:uuid:" + uuid, oid(UUID.randomUUID()), sourceId, null, patient,
                ZonedDateTime.now(ZoneOffset.UTC).format(DTM), null, List.of(author), List.of(),
                "Mise à jour FHIR (PATCH / DELETE)", null, EntryStatus.APPROVED, false, Map.of());
    }

    private static String oid(UUID u) {
        ByteBuffer b = ByteBuffer.allocate(16).putLong(u.getMostSignificantBits()).putLong(u.getLeastSignificantBits());
        return "2.25." + new BigInteger(1, b.array());
    }
}
