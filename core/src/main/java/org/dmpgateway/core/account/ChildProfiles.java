package org.dmpgateway.core.account;

import org.dmpgateway.model.PatientRecord;
import org.dmpgateway.model.PatientRecordState;
import org.dmpgateway.model.PatientRef;
import org.dmpgateway.model.account.AccountDecision;
import org.dmpgateway.model.account.AccountErrorCode;
import org.dmpgateway.model.account.AccountException;
import org.dmpgateway.model.account.CardType;
import org.dmpgateway.model.account.LegalRepresentation;
import org.dmpgateway.model.account.PatientAccount;
import org.dmpgateway.model.account.PatientProfile;
import org.dmpgateway.model.account.ProfileCall;
import org.dmpgateway.repository.LegalRepresentativeRepository;
import org.dmpgateway.repository.PatientAccountRepository;
import org.dmpgateway.repository.PatientRecordRepository;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import java.text.Normalizer;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * Children and their legal representatives (dmp-rules.md section 1, "Minors"; seed 002 "Gérer le
 * profil Mon espace santé de mon enfant", "Partager l'accès au profil de mon enfant mineur"):
 * <ul>
 * <li>{@link #addChild}: a signed-in representative (so an activated account: the seed's
 * prerequisite) activates or opposes for the child with the child's provisional code and their own
 * Vitale data (NIR and card serial number of their own account), certifying they are the legal
 * representative; the child's profile is attached to their account. The child's profile has no
 * identifier nor password of its own: it is managed by its representatives, and its notifications
 * go to the representative's e-mail ("les informations personnelles sont les mêmes pour tous les
 * profils rattachés");</li>
 * <li>{@link #share}: a representative shares the profile with a second one (name, given name,
 * birth date, NIR, and the declaration), who must have activated Mon espace santé; the second one
 * receives an invitation by e-mail and {@link #accept}s it;</li>
 * <li>{@link #onProfile}: a representative acts on the child's record with every call of the
 * signed-in patient ({@link RepresentativeScope}: traced as the representative, documents marked
 * INVISIBLE_REPRESENTANTS_LEGAUX withheld).</li>
 * </ul>
 * The access ends when the child comes of age (18, Paris date of the account clock): the rules
 * speak of minors' profiles only; the young adult then activates their own account with a new
 * provisional code. Every step is traced in the child's history with the representative as actor.
 */
@Component
public class ChildProfiles {
    static final String PROFILE_FIELD = "Patient-Profile";
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    private final PatientRecordRepository records;
    private final PatientAccountRepository accounts;
    private final LegalRepresentativeRepository links;
    private final ProvisionalCode codes;
    private final ActivateAccount activation;
    private final OpposeAccount opposition;
    private final AccountMails mails;
    private final AccountHistory history;
    private final AccountClock clock;
    private final Majority majority;
    private final TransactionTemplate transaction;

    public ChildProfiles(PatientRecordRepository records, PatientAccountRepository accounts,
                         LegalRepresentativeRepository links, ProvisionalCode codes, ActivateAccount activation,
                         OpposeAccount opposition, AccountMails mails, AccountHistory history, AccountClock clock,
                         Majority majority, TransactionTemplate transaction) {
        this.records = records;
        this.accounts = accounts;
        this.links = links;
        this.codes = codes;
        this.activation = activation;
        this.opposition = opposition;
        this.mails = mails;
        this.history = history;
        this.clock = clock;
        this.majority = majority;
        this.transaction = transaction;
    }

    // ------------------------------------------------------------------ activation or opposition for a child

    public PatientProfile addChild(PatientRef representative, String typedCode, String typedCard, String typedNir,
                                   String typedSerial, String typedDecision, Boolean termsAccepted,
                                   Boolean legalRepresentative) {
        String code = ProvisionalCode.shape(typedCode);
        CardType card = VitaleSerialRule.cardType(typedCard);
        String nir = NirRule.check(typedNir);
        String serial = VitaleSerialRule.check(card, typedSerial);
        AccountDecision decision = ActivationJourney.decision(typedDecision, termsAccepted);
        if (!Boolean.TRUE.equals(legalRepresentative)) {
            throw Fields.invalid("legalRepresentative", "vous devez certifier être le représentant légal de l'enfant "
                    + "(« Je certifie être le représentant légal du ou des profils sélectionnés »).");
        }
        PatientAccount own = accounts.find(representative).orElseThrow(PatientLogin::unauthenticated);
        if (!nir.equals(representative.id()) || !VitaleSerialRule.matches(card, serial, own.cardSerial())) {
            throw new AccountException(AccountErrorCode.WRONG_CREDENTIALS, "nir", "nir : le numéro de sécurité "
                    + "sociale et le numéro de série de la carte Vitale sont ceux de votre propre carte Vitale "
                    + "(représentant légal) ; ils ne correspondent pas à votre compte.");
        }
        PatientRef child = links.accountByCode(SecretCodes.hash(code)).orElseThrow(() -> new AccountException(
                AccountErrorCode.WRONG_CREDENTIALS, "code", "code : ce code provisoire ne correspond à aucun profil ; "
                + "saisissez le code provisoire à 12 caractères reçu pour votre enfant."));
        if (child.equals(representative)) {
            throw Fields.invalid("code", "ce code provisoire est le vôtre ; saisissez celui reçu pour votre enfant.");
        }
        PatientAccount account = accounts.find(child).orElseThrow();
        AccountException unusable = codes.unusable(account);
        if (unusable != null) {
            throw unusable;
        }
        PatientRecord childRecord = records.findPatient(child).orElseThrow();
        if (!minor(childRecord)) {
            throw Fields.invalid("code", "ce code provisoire est celui d'une personne majeure ; elle active "
                    + "elle-même Mon espace santé avec son code provisoire et sa carte Vitale.");
        }
        PatientRecord ownRecord = records.findPatient(representative).orElseThrow();
        RepresentativeScope.Acting acting = new RepresentativeScope.Acting(child, representative, name(ownRecord));
        return inScope(acting, () -> transaction.execute(tx -> {
            history.byPatient(child, "provisional code of the child typed by the legal representative " + acting.name()
                    + " (own NIR and Vitale card " + card + " verified, legal representative certified, terms of "
                    + "use and privacy policy accepted)");
            if (decision == AccountDecision.OPPOSE) {
                PatientRecordState state = opposition.oppose(child, childRecord.state());
                accounts.save(accounts.find(child).orElseThrow().withCodeUsed(clock.now()));
                return new PatientProfile(null, child, childRecord.givenName(), childRecord.familyName(),
                        childRecord.birthDate(), state, null, null, null, List.of());
            }
            if (childRecord.state() == PatientRecordState.ACTIVATED) {
                throw new AccountException(AccountErrorCode.STATE_CONFLICT, "code", "code : le profil Mon espace "
                        + "santé de " + childRecord.givenName() + " est déjà activé.");
            }
            // the child's notifications go to the representative's e-mail; the profile has no login of its own
            activation.activate(account.withPendingContact(own.email(), null, null, null, null)
                    .withContactConfirmed(null), null, null);
            LegalRepresentation link = links.find(child, representative)
                    .map(l -> l.accepted() ? l : l.withAccepted(clock.now()))
                    .orElseGet(() -> new LegalRepresentation(UUID.randomUUID().toString(), child, representative,
                            null, clock.now(), clock.now()));
            links.save(link);
            history.byPatient(child, "child's profile attached to the legal representative " + representative.id()
                    + " (" + acting.name() + ")");
            return view(link);
        }));
    }

    // ------------------------------------------------------------------ the profiles, sharing, acceptance

    public List<PatientProfile> profiles(PatientRef representative) {
        return links.byRepresentative(representative).stream().map(this::view).toList();
    }

    public PatientProfile share(PatientRef representative, String profileId, String typedFamily, String typedGiven,
                                String typedBirthDate, String typedNir, Boolean legalRepresentative) {
        LegalRepresentation link = open(representative, profileId, "profileId");
        String family = Fields.required(typedFamily, "familyName", "Le nom du second représentant légal");
        String given = Fields.required(typedGiven, "givenName", "Le prénom du second représentant légal");
        LocalDate birthDate = birthDate(typedBirthDate);
        String nir = NirRule.check(typedNir);
        if (!Boolean.TRUE.equals(legalRepresentative)) {
            throw Fields.invalid("legalRepresentative", "vous devez déclarer que la personne désignée est "
                    + "représentant légal de votre enfant.");
        }
        PatientRecord child = records.findPatient(link.child()).orElseThrow();
        PatientRef secondRef = new PatientRef(nir, representative.authority());
        if (secondRef.equals(representative)) {
            throw Fields.invalid("nir", "vous gérez déjà ce profil ; indiquez le numéro de sécurité sociale du second "
                    + "représentant légal.");
        }
        PatientRecord second = records.findPatient(secondRef)
                .filter(r -> same(r.familyName(), family) && same(r.givenName(), given)
                        && birthDate.equals(r.birthDate()))
                .orElseThrow(() -> new AccountException(AccountErrorCode.UNKNOWN_ACCOUNT, "nir", "nir : aucun "
                        + "titulaire de Mon espace santé ne correspond à cette identité (nom, prénom, date de "
                        + "naissance et numéro de sécurité sociale)."));
        if (second.state() != PatientRecordState.ACTIVATED) {
            throw new AccountException(AccountErrorCode.STATE_CONFLICT, "nir", "nir : pour accéder au profil de "
                    + child.givenName() + ", le représentant légal doit avoir activé son profil Mon espace santé.");
        }
        if (links.find(link.child(), secondRef).isPresent()) {
            throw new AccountException(AccountErrorCode.STATE_CONFLICT, "nir", "nir : cette personne gère déjà le "
                    + "profil de " + child.givenName() + " ou y est déjà invitée.");
        }
        String sharedBy = name(records.findPatient(representative).orElseThrow());
        LegalRepresentation invitation = new LegalRepresentation(UUID.randomUUID().toString(), link.child(),
                secondRef, representative, clock.now(), null);
        String to = accounts.find(secondRef).map(PatientAccount::email).orElse(second.settings().email());
        return inScope(new RepresentativeScope.Acting(link.child(), representative, sharedBy),
                () -> transaction.execute(tx -> {
                    links.save(invitation);
                    history.byPatient(link.child(), "child's profile shared with the second legal representative "
                            + secondRef.id() + " (" + name(second) + "), legal representative declared; invitation "
                            + "sent");
                    mails.profileShared(second, to, sharedBy, child);
                    return view(invitation);
                }));
    }

    public PatientProfile accept(PatientRef representative, String profileId) {
        String id = Fields.required(profileId, "profileId", "L'identifiant du profil");
        LegalRepresentation invitation = links.find(id).filter(l -> l.representative().equals(representative))
                .orElseThrow(() -> unknownProfile("profileId", id));
        if (invitation.accepted()) {
            return view(invitation);
        }
        PatientRecord child = records.findPatient(invitation.child()).orElseThrow();
        requireMinor(child, "profileId");
        String name = name(records.findPatient(representative).orElseThrow());
        LegalRepresentation accepted = invitation.withAccepted(clock.now());
        return inScope(new RepresentativeScope.Acting(invitation.child(), representative, name),
                () -> transaction.execute(tx -> {
                    links.save(accepted);
                    history.byPatient(invitation.child(), "invitation accepted: the child's profile is shared with "
                            + "the legal representative " + representative.id() + " (" + name + ")");
                    return view(accepted);
                }));
    }

    // ------------------------------------------------------------------ acting on a child's profile

    public <T> T onProfile(PatientRef representative, String profileId, ProfileCall<T> call) throws Exception {
        LegalRepresentation link = open(representative, profileId, PROFILE_FIELD);
        PatientRecord child = records.findPatient(link.child()).orElseThrow();
        if (child.state() != PatientRecordState.ACTIVATED) {
            throw new AccountException(AccountErrorCode.STATE_CONFLICT, PROFILE_FIELD, PROFILE_FIELD + " : le "
                    + "profil Mon espace santé de " + child.givenName() + " n'est pas activé (état : " + child.state()
                    + ").");
        }
        String name = name(records.findPatient(representative).orElseThrow());
        return RepresentativeScope.run(new RepresentativeScope.Acting(link.child(), representative, name),
                () -> call.run(link.child()));
    }

    // ------------------------------------------------------------------

    /** The representative's accepted profile {@code profileId}, whose child is still a minor. */
    private LegalRepresentation open(PatientRef representative, String profileId, String field) {
        if (profileId == null || profileId.isBlank()) {
            throw Fields.invalid(field, "l'identifiant du profil est obligatoire (voir GET /patient/profiles).");
        }
        String id = profileId.strip();
        LegalRepresentation link = links.find(id)
                .filter(l -> l.representative().equals(representative) && l.accepted())
                .orElseThrow(() -> unknownProfile(field, id));
        requireMinor(records.findPatient(link.child()).orElseThrow(), field);
        return link;
    }

    private static AccountException unknownProfile(String field, String id) {
        return new AccountException(AccountErrorCode.UNKNOWN_PROFILE, field, field + " : aucun profil " + id
                + " n'est rattaché à votre compte (voir GET /patient/profiles ; une invitation doit d'abord être "
                + "acceptée).");
    }

    private void requireMinor(PatientRecord child, String field) {
        if (!minor(child)) {
            throw new AccountException(AccountErrorCode.PROFILE_ENDED, field, field + " : " + child.givenName()
                    + " est majeur(e) depuis le " + DATE.format(child.birthDate().plusYears(Majority.AGE)) + " ; son "
                    + "profil Mon espace santé n'est plus géré par ses représentants légaux.");
        }
    }

    private boolean minor(PatientRecord child) {
        return majority.minor(child);
    }

    private PatientProfile view(LegalRepresentation link) {
        PatientRecord child = records.findPatient(link.child()).orElseThrow();
        PatientProfile.Status status = !link.accepted() ? PatientProfile.Status.INVITED
                : minor(child) ? PatientProfile.Status.ACTIVE : PatientProfile.Status.MAJORITY;
        List<String> managers = links.byChild(link.child()).stream().filter(LegalRepresentation::accepted)
                .map(l -> records.findPatient(l.representative()).map(ChildProfiles::name).orElse(null))
                .filter(Objects::nonNull).toList();
        String invitedBy = link.invitedBy() == null ? null
                : records.findPatient(link.invitedBy()).map(ChildProfiles::name).orElse(null);
        return new PatientProfile(link.id(), link.child(), child.givenName(), child.familyName(), child.birthDate(),
                child.state(), status, link.accepted() ? link.acceptedAt() : link.since(), invitedBy, managers);
    }

    static String name(PatientRecord r) {
        return ((r.givenName() == null ? "" : r.givenName()) + " " + (r.familyName() == null ? "" : r.familyName()))
                .strip();
    }

    private static LocalDate birthDate(String typed) {
        String v = Fields.required(typed, "birthDate", "La date de naissance du second représentant légal");
        try {
            return LocalDate.parse(v);
        } catch (DateTimeParseException e) {
            throw Fields.invalid("birthDate", "la date de naissance s'écrit AAAA-MM-JJ (ex. : 1985-04-12).");
        }
    }

    /** Names compared without case, accents, hyphens or extra spaces (as typed by the first representative). */
    private static boolean same(String onFile, String typed) {
        return onFile != null && fold(onFile).equals(fold(typed));
    }

    private static String fold(String s) {
        return Normalizer.normalize(s, Normalizer.Form.NFD).replaceAll("\\p{M}", "").replaceAll("[\\s'-]+", " ")
                .strip().toUpperCase(Locale.ROOT);
    }

    private static <T> T inScope(RepresentativeScope.Acting acting, Supplier<T> step) {
        try {
            return RepresentativeScope.run(acting, step::get);
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
