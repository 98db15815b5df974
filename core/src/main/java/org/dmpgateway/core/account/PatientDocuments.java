package org.dmpgateway.core.account;

import org.dmpgateway.core.GatewayIdentity;
import org.dmpgateway.model.AssociationKind;
import org.dmpgateway.model.AssociationRecord;
import org.dmpgateway.model.AuthorInfo;
import org.dmpgateway.model.CodedValue;
import org.dmpgateway.model.DmpConfidentiality;
import org.dmpgateway.model.DocumentContent;
import org.dmpgateway.model.DocumentEntryRecord;
import org.dmpgateway.model.EntryStatus;
import org.dmpgateway.model.PatientRecord;
import org.dmpgateway.model.PatientRef;
import org.dmpgateway.model.PatientSettings;
import org.dmpgateway.model.SubmissionSetRecord;
import org.dmpgateway.model.account.AccountErrorCode;
import org.dmpgateway.model.account.AccountException;
import org.dmpgateway.model.account.DocumentCategory;
import org.dmpgateway.model.account.PatientDocument;
import org.dmpgateway.model.query.DocumentCriteria;
import org.dmpgateway.repository.ConflictingWriteException;
import org.dmpgateway.repository.DocumentUpdateWrite;
import org.dmpgateway.repository.DocumentUpdateWrite.StatusChange;
import org.dmpgateway.repository.PatientRecordRepository;
import org.dmpgateway.repository.RegistryRepository;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import java.math.BigInteger;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The patient's documents (docs/sources/dmp-rules.md sections 2 and 3; seed 002 "Mes documents"):
 * the list, filed by {@link DocumentCategories}, the content, and masking from professionals.
 *
 * <p>The patient sees every current version (Approved or Archived) of their record but those a
 * professional marked INVISIBLE_PATIENT. Hiding a document from professionals is the DMP's masking
 * (TD3.3a): a new metadata version carrying the visibility status MASQUE_PS (showing it again: one
 * without it), in a submission set authored by the patient, the previous version deprecated, as an
 * ITI-57 update does; the professionals' answers then follow the core's masking rule
 * ({@code AccessPolicy}: the document stays visible to its author, to the admin doctor and the
 * médecin traitant DMP, and in an emergency when the patient allows it). Hiding all present and
 * future documents is the record's {@code maskAll} setting. Every change, and each download, is
 * traced in the record's history with the document's uniqueId. A legal representative acting on a
 * child's profile never sees the documents marked INVISIBLE_REPRESENTANTS_LEGAUX.
 */
@Component
public class PatientDocuments {
    static final DateTimeFormatter DTM = DateTimeFormatter.ofPattern("yyyyMMddHHmmss").withZone(ZoneOffset.UTC);
    private static final Pattern UUID_FORM = Pattern.compile("[0-9a-fA-F]{8}(-[0-9a-fA-F]{4}){3}-[0-9a-fA-F]{12}");
    private static final String URN_UUID = "urn:uuid:";

    private final RegistryRepository registry;
    private final PatientRecordRepository records;
    private final AccountHistory history;
    private final AccountClock clock;
    private final GatewayIdentity identity;
    private final TransactionTemplate transaction;

    public PatientDocuments(RegistryRepository registry, PatientRecordRepository records, AccountHistory history,
                            AccountClock clock, GatewayIdentity identity, TransactionTemplate transaction) {
        this.registry = registry;
        this.records = records;
        this.history = history;
        this.clock = clock;
        this.identity = identity;
        this.transaction = transaction;
    }

    public List<PatientDocument> list(PatientRef ins, String typedCategory) {
        DocumentCategory category = DocumentCategories.parse(typedCategory);
        return registry.findDocuments(DocumentCriteria.builder().patient(ins)
                        .statuses(List.of(EntryStatus.APPROVED, EntryStatus.ARCHIVED)).build()).stream()
                .filter(e -> seenBy(ins, e))
                .map(PatientDocuments::view)
                .filter(d -> category == null || d.category() == category)
                .sorted(Comparator.comparing(PatientDocument::creationTime, Comparator.nullsLast(Comparator.reverseOrder())))
                .toList();
    }

    public DocumentContent content(PatientRef ins, String documentId) {
        DocumentEntryRecord entry = current(ins, documentId);
        DocumentContent content = registry.findContent(entry.uniqueId()).orElseThrow(() -> unknown(documentId));
        transaction.executeWithoutResult(tx -> history.byPatient(ins, "document " + entry.uniqueId()
                + " downloaded by the patient", List.of(entry.uniqueId())));
        return content;
    }

    public PatientDocument hide(PatientRef ins, String documentId, Boolean hidden) {
        if (hidden == null) {
            throw Fields.invalid("hidden", "indiquez true (masquer le document aux professionnels de santé) ou false "
                    + "(le rendre visible).");
        }
        DocumentEntryRecord current = current(ins, documentId);
        if (isHidden(current) == hidden) {
            return view(current);
        }
        PatientRecord record = records.findPatient(ins).orElseThrow();
        List<CodedValue> codes = new ArrayList<>(current.confidentialityCodes().stream()
                .filter(c -> !sameCode(c, DmpConfidentiality.MASQUE_PS)).toList());
        if (hidden) {
            codes.add(DmpConfidentiality.MASQUE_PS);
        }
        SubmissionSetRecord set = new SubmissionSetRecord(URN_UUID + UUID.randomUUID(), oidOf(UUID.randomUUID()),
                identity.repositoryUniqueId(), identity.homeCommunityId(), ins, DTM.format(clock.now()), null,
                List.of(patientAuthor(record)), List.of(),
                hidden ? "Document masqué par le patient" : "Document rendu visible par le patient", null,
                EntryStatus.APPROVED, false, Map.of());
        DocumentEntryRecord next = newVersion(current, codes);
        AssociationRecord member = new AssociationRecord(URN_UUID + UUID.randomUUID(), AssociationKind.HAS_MEMBER,
                set.entryUuid(), next.entryUuid(), "Original", current.version(), null, null, null, EntryStatus.APPROVED,
                null);
        DocumentUpdateWrite write = new DocumentUpdateWrite(set, List.of(next), List.of(member), List.of(
                new StatusChange(current.entryUuid(), current.availabilityStatus(), EntryStatus.DEPRECATED)));
        try {
            transaction.executeWithoutResult(tx -> {
                registry.storeDocumentUpdate(write);
                history.byPatient(ins, "document " + current.uniqueId() + (hidden ? " hidden from professionals"
                        : " visible to professionals again") + " by the patient (version " + next.version() + ", "
                        + (hidden ? "+" : "-") + "MASQUE_PS)", List.of(current.uniqueId()));
            });
        } catch (ConflictingWriteException e) {
            throw StateConflict.changed();
        }
        return view(next);
    }

    public PatientSettings hideAll(PatientRef ins, Boolean hidden) {
        if (hidden == null) {
            throw Fields.invalid("hidden", "indiquez true (masquer tous les documents, présents et futurs, aux "
                    + "professionnels de santé) ou false.");
        }
        return transaction.execute(tx -> {
            PatientRecord record = records.findPatient(ins).orElseThrow();
            PatientSettings s = record.settings();
            PatientSettings changed = new PatientSettings(s.email(), s.samuAccessAllowed(), s.breakGlassAllowed(),
                    s.maskedVisibleInEmergency(), hidden);
            records.savePatient(record.withSettings(changed));
            history.byPatient(ins, hidden ? "all present and future documents hidden from professionals by the patient"
                    : "documents no longer all hidden from professionals (each document's own masking stays)");
            return changed;
        });
    }

    /**
     * The uniqueIds of the record's current documents the one acting does not see (marked
     * INVISIBLE_PATIENT, or INVISIBLE_REPRESENTANTS_LEGAUX for a representative): the history does
     * not name them.
     */
    public Set<String> withheld(PatientRef ins) {
        return registry.findDocuments(DocumentCriteria.builder().patient(ins)
                        .statuses(List.of(EntryStatus.APPROVED, EntryStatus.ARCHIVED)).build()).stream()
                .filter(e -> !seenBy(ins, e)).map(DocumentEntryRecord::uniqueId).collect(Collectors.toSet());
    }

    /** The current version of one of the patient's documents they see, by its logical id. */
    DocumentEntryRecord current(PatientRef ins, String documentId) {
        String id = Fields.required(documentId, "documentId", "L'identifiant du document");
        String uuid = id.regionMatches(true, 0, URN_UUID, 0, URN_UUID.length()) ? id.substring(URN_UUID.length()) : id;
        if (!UUID_FORM.matcher(uuid).matches()) {
            throw Fields.invalid("documentId", "l'identifiant du document est celui de la liste de vos documents "
                    + "(un UUID, par exemple 0f8fad5b-d9cb-469f-a165-70867728950e).");
        }
        return registry.findDocuments(DocumentCriteria.builder().patient(ins)
                        .logicalUuids(List.of(URN_UUID + uuid.toLowerCase(Locale.ROOT)))
                        .statuses(List.of(EntryStatus.APPROVED, EntryStatus.ARCHIVED)).build()).stream()
                .filter(e -> seenBy(ins, e))
                .reduce((a, b) -> b)
                .orElseThrow(() -> unknown(id));
    }

    static AccountException unknown(String id) {
        return new AccountException(AccountErrorCode.UNKNOWN_DOCUMENT, "documentId", "documentId : aucun document "
                + id + " dans votre dossier.");
    }

    /**
     * Whether the one acting on the record sees the document: never one marked INVISIBLE_PATIENT;
     * for a legal representative acting on a child's profile ({@link RepresentativeScope}), never
     * one marked INVISIBLE_REPRESENTANTS_LEGAUX either (TRE_A07, dmp-protocol.md).
     */
    private static boolean seenBy(PatientRef ins, DocumentEntryRecord e) {
        boolean representative = RepresentativeScope.on(ins).isPresent();
        return e.confidentialityCodes().stream().noneMatch(c -> sameCode(c, DmpConfidentiality.INVISIBLE_PATIENT)
                || representative && sameCode(c, DmpConfidentiality.INVISIBLE_REPRESENTANTS_LEGAUX));
    }

    private static boolean isHidden(DocumentEntryRecord e) {
        return e.confidentialityCodes().stream().anyMatch(c -> sameCode(c, DmpConfidentiality.MASQUE_PS));
    }

    private static boolean sameCode(CodedValue a, CodedValue b) {
        return a != null && Objects.equals(a.code(), b.code()) && Objects.equals(a.codeSystem(), b.codeSystem());
    }

    public static PatientDocument view(DocumentEntryRecord e) {
        String logical = e.logicalUuid() != null ? e.logicalUuid() : e.entryUuid();
        String id = logical.startsWith(URN_UUID) ? logical.substring(URN_UUID.length()) : logical;
        List<String> authors = e.authors().stream().map(PatientDocuments::authorName).filter(Objects::nonNull).toList();
        return new PatientDocument(id, e.uniqueId(), e.title(), DocumentCategories.of(e), e.typeCode(),
                e.creationTime(), authors, e.mimeType(), e.size(), isHidden(e));
    }

    /** "Given FAMILY" from an author's XCN (id^family^given^...), the id when it has no name. */
    private static String authorName(AuthorInfo a) {
        if (a.person() == null || a.person().isBlank()) {
            return a.institutions().isEmpty() ? null : a.institutions().get(0).split("\\^", -1)[0];
        }
        String[] xcn = a.person().split("\\^", -1);
        String family = xcn.length > 1 ? xcn[1] : "";
        String given = xcn.length > 2 ? xcn[2] : "";
        String name = (given + " " + family).strip();
        return name.isEmpty() ? xcn[0] : name;
    }

    /** The patient as the author of the update's submission set (XCN: INS, family, given, assigning authority). */
    private static AuthorInfo patientAuthor(PatientRecord r) {
        String person = r.ins().id() + "^" + nz(r.familyName()) + "^" + nz(r.givenName()) + "^^^^^^&"
                + r.ins().authority() + "&ISO";
        return new AuthorInfo(person, List.of(), List.of(), List.of(), List.of());
    }

    static String nz(String s) {
        return s == null ? "" : s.replace("^", " ");
    }

    /**
     * The next metadata version: the same document with other confidentiality codes, a new
     * entryUUID, the next version number, the same status (Approved or Archived), content and
     * submitter.
     */
    private DocumentEntryRecord newVersion(DocumentEntryRecord e, List<CodedValue> codes) {
        String version = String.valueOf(versionNumber(e) + 1);
        return e.toBuilder().entryUuid(URN_UUID + UUID.randomUUID()).version(version).confidentialityCodes(codes)
                .build();
    }

    private static int versionNumber(DocumentEntryRecord e) {
        try {
            return e.version() == null ? 1 : Integer.parseInt(e.version().strip());
        } catch (NumberFormatException ex) {
            return 1;
        }
    }

    /** An OID under 2.25 from a UUID (ITU-T X.667), for the submission set's uniqueId. */
    static String oidOf(UUID uuid) {
        BigInteger mask = BigInteger.ONE.shiftLeft(64).subtract(BigInteger.ONE);
        BigInteger high = BigInteger.valueOf(uuid.getMostSignificantBits()).and(mask);
        BigInteger low = BigInteger.valueOf(uuid.getLeastSignificantBits()).and(mask);
        return "2.25." + high.shiftLeft(64).or(low);
    }
}
