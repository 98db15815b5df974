package org.dmpgateway.core.profile;

import org.apache.camel.Body;
import org.apache.camel.Exchange;
import org.apache.camel.Header;
import org.dmpgateway.core.policy.AccessPolicy;
import org.dmpgateway.core.policy.Admission;
import org.dmpgateway.core.trail.AccessTrail;
import org.dmpgateway.model.CoreEndpoints;
import org.dmpgateway.model.PatientRef;
import org.dmpgateway.model.access.AccessContext;
import org.dmpgateway.model.error.DmpErrorCode;
import org.dmpgateway.model.error.DmpException;
import org.dmpgateway.model.profile.ProfessionalProfileAccess;
import org.dmpgateway.model.profile.ProfileCodec;
import org.dmpgateway.model.profile.ProfileEntry;
import org.dmpgateway.model.profile.ProfileSection;
import org.dmpgateway.model.trail.TraceAction;
import org.dmpgateway.repository.ProfileRepository;
import org.dmpgateway.repository.ProfileRepository.StoredResource;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The professionals' side of the medical profile (FHIR, docs/medical-profile.md): they read the
 * vaccinations, the care history and "entourage et volontés" (contacts and wishes), and may add a
 * vaccination. Admitted by the {@link AccessPolicy} exactly as the record's documents: a read as a
 * QUERY (authorised professional, not blocked, record open, or an emergency mode's conditions), a
 * vaccination added as a SUBMIT; traced in the record's history with the section and the entries'
 * ids. The other sections (illnesses, treatments, allergies, measurements) stay the patient's own:
 * HABILITATION_DENIED.
 */
@Component
public class ProfessionalMedicalProfile {
    /** A vaccination's field in the professional's words: vaccine, date, lotNumber, note. */
    private static final ProfileRules.Refusal REFUSAL = (field, message) -> {
        String named = switch (field) {
            case "name" -> "vaccine";
            case "detail" -> "lotNumber";
            case "comment" -> "note";
            default -> field;
        };
        return new DmpException(DmpErrorCode.METADATA_ERROR, "vaccination refused: " + named + " : " + message, named);
    };

    private final AccessPolicy policy;
    private final AccessTrail trail;
    private final ProfileRepository repository;
    private final ProfileCodec codec;
    private final TransactionTemplate transaction;
    private final Clock clock;

    public ProfessionalMedicalProfile(AccessPolicy policy, AccessTrail trail, ProfileRepository repository,
                                      ProfileCodec codec, TransactionTemplate transaction) {
        this.policy = policy;
        this.trail = trail;
        this.repository = repository;
        this.codec = codec;
        this.transaction = transaction;
        this.clock = Clock.systemUTC();
    }

    /** The action a command is admitted (and a refusal traced) as: SUBMIT for a vaccination added, else QUERY. */
    public static TraceAction traceAction(Exchange exchange) {
        return exchange.getMessage().getBody() instanceof ProfessionalProfileAccess a && a.vaccination() != null
                ? TraceAction.SUBMIT : TraceAction.QUERY;
    }

    public List<ProfileEntry> handle(@Body ProfessionalProfileAccess access,
                                     @Header(CoreEndpoints.REQUESTED_PATIENT) PatientRef requested,
                                     @Header(CoreEndpoints.ACCESS_CONTEXT) AccessContext caller) {
        boolean write = access.vaccination() != null;
        TraceAction action = write ? TraceAction.SUBMIT : TraceAction.QUERY;
        Admission admission = policy.admit(caller, requested, action);
        ProfileSection section = access.section();
        if (section == null || !section.professionalsRead() || (write && section != ProfileSection.VACCINATION)) {
            throw new DmpException(DmpErrorCode.HABILITATION_DENIED, "the medical profile's section "
                    + (section == null ? "(none)" : section.name()) + " is not open to professionals: they "
                    + (write ? "add vaccinations only" : "read vaccinations, care history, contacts and wishes"), null);
        }
        return write ? List.of(addVaccination(admission, access)) : read(admission, section);
    }

    private List<ProfileEntry> read(Admission admission, ProfileSection section) {
        return transaction.execute(tx -> {
            List<ProfileEntry> entries = repository.find(admission.patient(), section).stream()
                    .map(r -> codec.fromResource(r.json())).toList();
            trail.succeeded(admission, TraceAction.QUERY, List.of(), "medical profile: " + section.name()
                    + " read (" + entries.size() + " " + section.resourceType() + ")");
            return entries;
        });
    }

    private ProfileEntry addVaccination(Admission admission, ProfessionalProfileAccess access) {
        Instant now = clock.instant();
        ProfileEntry entry = ProfileRules.check(ProfileSection.VACCINATION, access.vaccination(), now, REFUSAL)
                .recordedAs(UUID.randomUUID().toString(), admission.context().actorId(), now);
        String json = codec.toResource(entry, admission.patient());
        transaction.executeWithoutResult(tx -> {
            repository.save(new StoredResource(entry.id(), admission.patient(), entry.section(), json, entry.author(),
                    now));
            trail.succeeded(admission, TraceAction.SUBMIT, List.of(), "medical profile: vaccination " + entry.id()
                    + " added (Immunization)");
        });
        return entry;
    }
}
