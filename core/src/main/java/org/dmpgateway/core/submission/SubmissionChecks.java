package org.dmpgateway.core.submission;

import org.dmpgateway.model.error.DmpError;
import org.dmpgateway.model.error.DmpErrorCode;
import org.dmpgateway.model.limits.Limits;
import org.dmpgateway.model.error.DmpException;
import org.dmpgateway.model.DocumentEntryRecord;
import org.dmpgateway.model.FolderRecord;
import org.dmpgateway.model.PatientRef;
import org.dmpgateway.model.Submission;
import org.dmpgateway.model.SubmittedDocument;
import org.dmpgateway.repository.IdentifierUses;
import org.dmpgateway.repository.ObjectKind;
import org.dmpgateway.repository.RegistryRepository;
import org.dmpgateway.repository.UniqueIdUse;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The checks of a Provide and Register request that need the registry's state or the content
 * (IPF's validators have already checked the message's structure): patient consistency, content
 * present, uniqueIds not used yet, declared hash and size equal to the content's.
 */
final class SubmissionChecks {
    private SubmissionChecks() {
    }

    static void samePatientEverywhere(Submission s) {
        PatientRef patient = s.submissionSet().patientId();
        List<DmpError> errors = new ArrayList<>();
        for (SubmittedDocument d : s.documents()) {
            if (!patient.equals(d.entry().patientId())) {
                errors.add(mismatch("DocumentEntry " + d.entry().uniqueId(), d.entry().patientId(), patient, d.entry().entryUuid()));
            }
        }
        for (FolderRecord f : s.folders()) {
            if (!patient.equals(f.patientId())) {
                errors.add(mismatch("Folder " + f.uniqueId(), f.patientId(), patient, f.entryUuid()));
            }
        }
        throwIfAny(errors);
    }

    static DmpError mismatch(String what, PatientRef found, PatientRef expected, String location) {
        return new DmpError(DmpErrorCode.PATIENT_ID_MISMATCH,
                what + ": patientId " + found + " differs from the submission set's patientId " + expected, location);
    }

    /** Each document's content within {@code dmp.limits.document-bytes}; every document above it is named. */
    /**
     * Content whose length is known before it is read (a FHIR Bundle's, already in memory) is
     * refused at once above the limit; streamed content (ITI-41 MTOM) is counted as it is stored
     * ({@link MeasuringStream}).
     */
    static void contentWithinLimit(Submission s, long limit) {
        List<DmpError> errors = new ArrayList<>();
        for (SubmittedDocument d : s.documents()) {
            long length = d.content() == null ? -1 : d.content().knownLength();
            if (length > limit) {
                errors.add(Limits.exceeded("DocumentEntry " + d.entry().uniqueId() + ": the content (" + length
                        + " bytes)", "bytes", limit, Limits.DOCUMENT_BYTES, d.entry().entryUuid()).errors().get(0));
            }
        }
        throwIfAny(errors);
    }

    static void contentPresent(Submission s) {
        List<DmpError> errors = new ArrayList<>();
        for (SubmittedDocument d : s.documents()) {
            if (d.content() == null) {
                errors.add(new DmpError(DmpErrorCode.MISSING_DOCUMENT,
                        "DocumentEntry " + d.entry().uniqueId() + " has no document content in the request",
                        d.entry().entryUuid()));
            }
        }
        throwIfAny(errors);
    }

    /**
     * Every document entry names its author: an author with a person or an institution. The DMP's
     * DocumentEntry model has {@code author 1..*} (ANS PDSM4DMP, input/fsh/Model/DocumentEntry.fsh),
     * where IHE XDS has it R2; a document without an author is refused whatever the protocol.
     */
    static void authorPresent(Submission s) {
        List<DmpError> errors = new ArrayList<>();
        for (SubmittedDocument d : s.documents()) {
            boolean named = d.entry().authors().stream().anyMatch(a ->
                    (a.person() != null && !a.person().isBlank()) || !a.institutions().isEmpty());
            if (!named) {
                errors.add(new DmpError(DmpErrorCode.METADATA_ERROR, "DocumentEntry " + d.entry().uniqueId()
                        + ": author is required by the DMP (author 1..*, with an authorPerson or an authorInstitution)",
                        d.entry().entryUuid()));
            }
        }
        throwIfAny(errors);
    }

    static void uniqueIdsInMessage(Submission s) {
        Set<String> seen = new HashSet<>();
        List<DmpError> errors = new ArrayList<>();
        for (String id : allUniqueIds(s)) {
            if (!seen.add(id)) {
                errors.add(new DmpError(DmpErrorCode.DUPLICATE_UNIQUE_ID_IN_MESSAGE,
                        "uniqueId " + id + " is used by two objects of the request", id));
            }
        }
        throwIfAny(errors);
    }

    /**
     * The submission's uniqueIds are not used yet ({@link #uniqueIdsUnused}), then its entryUUIDs
     * name no registry object yet ({@link #entryUuidsUnused}): both read in one statement.
     */
    static void identifiersUnused(Submission s, RegistryRepository repository) {
        IdentifierUses found = repository.findIdentifierUses(allUniqueIds(s), clientEntryUuids(s));
        uniqueIdsUnused(s, found.uniqueIds());
        entryUuidsUnused(found.entryUuids());
    }

    private static void uniqueIdsUnused(Submission s, List<UniqueIdUse> uses) {
        if (uses.isEmpty()) {
            return;
        }
        List<DmpError> errors = new ArrayList<>();
        for (UniqueIdUse use : uses) {
            String declared = s.documents().stream().map(SubmittedDocument::entry)
                    .filter(e -> use.uniqueId().equals(e.uniqueId()) && e.hash() != null)
                    .map(DocumentEntryRecord::hash).findFirst().orElse(null);
            String computed = s.documents().stream()
                    .filter(d -> use.uniqueId().equals(d.entry().uniqueId()) && d.content() != null)
                    .map(d -> ContentDigest.sha1Hex(d.content())).findFirst().orElse(declared);
            if (use.hash() != null && computed != null && !use.hash().equalsIgnoreCase(computed)) {
                errors.add(new DmpError(DmpErrorCode.NON_IDENTICAL_HASH, "uniqueId " + use.uniqueId()
                        + " is already registered for a document with another hash (" + use.hash() + ")", use.uniqueId()));
            } else if (use.hash() != null && computed != null) {
                // IHE lets a registry accept an identical resubmission (same uniqueId and hash); the DMP
                // does not: one uniqueId is one document, registered once; a new version is a replacement
                // (RPLC) with its own uniqueId (docs/conformance-statement.md, "Resubmission")
                errors.add(new DmpError(DmpErrorCode.DUPLICATE_UNIQUE_ID, "uniqueId " + use.uniqueId()
                        + " is already registered for this same document (same hash " + use.hash() + "): it is in the "
                        + "record already and is not registered twice; nothing of this submission was stored "
                        + "(a new version of a document is a replacement, RPLC, with a new uniqueId)", use.uniqueId()));
            } else {
                errors.add(new DmpError(DmpErrorCode.DUPLICATE_UNIQUE_ID, "uniqueId " + use.uniqueId()
                        + " is already used in the registry by a " + use.kind().name().toLowerCase().replace('_', ' '),
                        use.uniqueId()));
            }
        }
        throwIfAny(errors);
    }

    /**
     * The entryUUIDs a client gave (the registry assigns the others) name no registry object yet:
     * an entryUUID names one object, for ever.
     */
    private static void entryUuidsUnused(Map<String, ObjectKind> used) {
        List<DmpError> errors = new ArrayList<>();
        used.forEach((uuid, kind) -> errors.add(new DmpError(DmpErrorCode.DUPLICATE_UNIQUE_ID,
                "entryUUID " + uuid + " is already used in the registry by a " + kind.name().toLowerCase().replace('_', ' ')
                        + ": give a new entryUUID (or none: the registry assigns one)", uuid)));
        throwIfAny(errors);
    }

    /** Compares the declared hash and size with the content; the caller computes missing ones. */
    /**
     * The declared hash and size are those of the content, as measured while it was stored (by
     * uniqueId); a mismatch refuses the submission, whose transaction then rolls back.
     */
    static void hashAndSizeMatch(Submission s, Map<String, SubmitDocuments.Measured> measured) {
        List<DmpError> errors = new ArrayList<>();
        for (SubmittedDocument d : s.documents()) {
            DocumentEntryRecord e = d.entry();
            SubmitDocuments.Measured m = measured.get(e.uniqueId());
            if (e.hash() != null && !e.hash().equalsIgnoreCase(m.sha1())) {
                errors.add(new DmpError(DmpErrorCode.NON_IDENTICAL_HASH, "DocumentEntry " + e.uniqueId()
                        + ": declared hash " + e.hash() + " is not the SHA-1 of the content ("
                        + m.sha1() + ")", e.entryUuid()));
            }
            if (e.size() != null && e.size() != m.size()) {
                errors.add(new DmpError(DmpErrorCode.NON_IDENTICAL_SIZE, "DocumentEntry " + e.uniqueId()
                        + ": declared size " + e.size() + " differs from the content's " + m.size()
                        + " bytes", e.entryUuid()));
            }
        }
        throwIfAny(errors);
    }

    /** The entryUUIDs the client gave (the registry assigns the others). */
    private static List<String> clientEntryUuids(Submission s) {
        List<String> uuids = new ArrayList<>();
        uuids.add(s.submissionSet().entryUuid());
        s.documents().forEach(d -> uuids.add(d.entry().entryUuid()));
        s.folders().forEach(f -> uuids.add(f.entryUuid()));
        s.associations().forEach(a -> uuids.add(a.entryUuid()));
        uuids.removeIf(Objects::isNull);
        return uuids;
    }

    private static List<String> allUniqueIds(Submission s) {
        List<String> ids = new ArrayList<>();
        ids.add(s.submissionSet().uniqueId());
        s.documents().forEach(d -> ids.add(d.entry().uniqueId()));
        s.folders().forEach(f -> ids.add(f.uniqueId()));
        ids.removeIf(Objects::isNull);
        return ids;
    }

    static void throwIfAny(List<DmpError> errors) {
        if (!errors.isEmpty()) {
            throw new DmpException(errors);
        }
    }
}
