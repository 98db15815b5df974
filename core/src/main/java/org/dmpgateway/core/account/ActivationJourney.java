package org.dmpgateway.core.account;

import org.dmpgateway.model.PatientRecord;
import org.dmpgateway.model.PatientRecordState;
import org.dmpgateway.model.account.AccountDecision;
import org.dmpgateway.model.account.AccountErrorCode;
import org.dmpgateway.model.account.AccountException;
import org.dmpgateway.model.account.ActivationStep;
import org.dmpgateway.model.account.CardType;
import org.dmpgateway.model.account.PatientAccount;
import org.dmpgateway.repository.PatientAccountRepository;
import org.dmpgateway.repository.PatientRecordRepository;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The activation or opposition journey (seed 002, "J'active mon compte / Je m'oppose"), one step
 * after the other, each answering the next:
 * <ol>
 * <li>{@link #start}: provisional code, Vitale card type, NIR, card serial number -> a journey token
 * (valid {@code dmp.accounts.journey.validity}); wrong attempts are counted on the code;</li>
 * <li>{@link #decide}: ACTIVATE or OPPOSE, with the terms of use and the privacy policy accepted;
 * an opposition ends the journey ({@link OpposeAccount});</li>
 * <li>{@link #contact}: the e-mail and mobile on file, kept or changed; a changed one gets a
 * one-time code;</li>
 * <li>{@link #confirmContact}: the one-time code(s) sent to the changed contact;</li>
 * <li>{@link #credentials}: identifier and password -> ACTIVATED ({@link ActivateAccount}).</li>
 * </ol>
 * A step out of order answers STEP_OUT_OF_ORDER; every refusal names its field in French.
 */
@Component
public class ActivationJourney {
    public static final String CODE_VERIFIED = "CODE_VERIFIED";
    public static final String DECIDED = "DECIDED";
    public static final String CONTACT_PENDING = "CONTACT_PENDING";
    public static final String CONTACT_CONFIRMED = "CONTACT_CONFIRMED";

    private final PatientRecordRepository records;
    private final PatientAccountRepository accounts;
    private final ProvisionalCode codes;
    private final OpposeAccount opposition;
    private final ActivateAccount activation;
    private final PatientPasswords passwords;
    private final AccountHistory history;
    private final ContactConfirmation contacts;
    private final AccountSettings settings;
    private final AccountClock clock;
    private final TransactionTemplate transaction;
    private final Majority majority;

    public ActivationJourney(PatientRecordRepository records, PatientAccountRepository accounts, ProvisionalCode codes,
                             OpposeAccount opposition, ActivateAccount activation, PatientPasswords passwords,
                             AccountHistory history, ContactConfirmation contacts, AccountSettings settings,
                             AccountClock clock, TransactionTemplate transaction, Majority majority) {
        this.records = records;
        this.accounts = accounts;
        this.codes = codes;
        this.opposition = opposition;
        this.activation = activation;
        this.passwords = passwords;
        this.history = history;
        this.contacts = contacts;
        this.settings = settings;
        this.clock = clock;
        this.transaction = transaction;
        this.majority = majority;
    }

    // ------------------------------------------------------------------ 1. code, card, NIR, serial

    public ActivationStep start(String typedCode, String typedCard, String typedNir, String typedSerial) {
        String code = ProvisionalCode.shape(typedCode);
        CardType card = VitaleSerialRule.cardType(typedCard);
        String nir = NirRule.check(typedNir);
        String serial = VitaleSerialRule.check(card, typedSerial);
        List<PatientAccount> candidates = accounts.findByNir(nir);
        if (candidates.isEmpty()) {
            throw new AccountException(AccountErrorCode.WRONG_CREDENTIALS, "code", ProvisionalCode.WRONG);
        }
        // several INS authorities may hold the same NIR (test, demo): the one whose code matches
        PatientAccount account = candidates.stream().filter(a -> SecretCodes.matches(code, a.codeHash())).findFirst()
                .orElse(candidates.get(0));
        ProvisionalCode.Check check = codes.check(account, code, card, serial);
        if (!check.matched()) {
            transaction.executeWithoutResult(tx -> {
                if (check.counted()) {
                    accounts.save(check.account());
                }
                history.refused(account.ins(), check.refusal().code().name(), "activation journey refused: "
                        + check.refusal().code() + " (" + check.account().codeFailures() + " wrong attempt(s) of "
                        + settings.codeMaxAttempts() + ")" + (check.account().codeLocked() ? ", code locked" : ""));
            });
            throw check.refusal();
        }
        PatientRecord record = records.findPatient(account.ins()).orElseThrow();
        if (record.state() == PatientRecordState.ACTIVATED && !majority.mayTakeOver(record, account)) {
            throw new AccountException(AccountErrorCode.STATE_CONFLICT, "code", "code : Mon espace santé est déjà "
                    + "activé ; connectez-vous avec votre identifiant et votre mot de passe.");
        }
        String token = SecretCodes.token();
        Instant expires = clock.now().plus(settings.journeyValidity());
        PatientAccount started = account.withJourney(SecretCodes.hash(token), expires, CODE_VERIFIED);
        transaction.executeWithoutResult(tx -> {
            accounts.save(started);
            history.byPatient(account.ins(), "activation journey started: provisional code, NIR and Vitale card "
                    + "(" + card + ") verified");
        });
        return view(token, started, record, List.of());
    }

    // ------------------------------------------------------------------ 2. decision

    public ActivationStep decide(String journey, String typedDecision, Boolean termsAccepted) {
        PatientAccount account = journey(journey, CODE_VERIFIED);
        AccountDecision decision = decision(typedDecision, termsAccepted);
        return transaction.execute(tx -> {
            PatientRecord record = records.findPatient(account.ins()).orElseThrow();
            if (decision == AccountDecision.OPPOSE) {
                PatientRecordState state = opposition.oppose(account.ins(), record.state());
                PatientAccount ended = accounts.find(account.ins()).orElseThrow().withCodeUsed(clock.now());
                accounts.save(ended);
                return view(null, ended, records.findPatient(account.ins()).orElseThrow(), List.of());
            }
            PatientAccount decided = account.withJourney(account.journeyHash(), account.journeyExpiresAt(), DECIDED);
            accounts.save(decided);
            history.byPatient(account.ins(), "decision: activate; terms of use and privacy policy accepted");
            return view(null, decided, record, List.of());
        });
    }

    /** The typed decision, the terms of use and privacy policy accepted (the journey's and a representative's). */
    static AccountDecision decision(String typedDecision, Boolean termsAccepted) {
        String d = Fields.required(typedDecision, "decision", "La décision (ACTIVATE ou OPPOSE)");
        AccountDecision decision;
        try {
            decision = AccountDecision.valueOf(d);
        } catch (IllegalArgumentException e) {
            throw Fields.invalid("decision", "la décision est ACTIVATE (j'active Mon espace santé) ou OPPOSE (je "
                    + "m'oppose à la création de Mon espace santé).");
        }
        if (!Boolean.TRUE.equals(termsAccepted)) {
            throw Fields.invalid("termsAccepted", "vous devez accepter les Conditions Générales d'Utilisation et la "
                    + "Politique de protection des données personnelles.");
        }
        return decision;
    }

    // ------------------------------------------------------------------ 3. contact, 4. its confirmation

    public ActivationStep contact(String journey, String typedEmail, String typedMobile) {
        PatientAccount account = journey(journey, DECIDED, CONTACT_PENDING, CONTACT_CONFIRMED);
        String email = ContactRule.email(typedEmail);
        String mobile = ContactRule.mobile(typedMobile);
        boolean emailChanged = !email.equalsIgnoreCase(Objects.toString(account.email(), ""));
        boolean mobileChanged = mobile != null && !mobile.equals(account.mobile());
        PatientRecord record = records.findPatient(account.ins()).orElseThrow();
        if (!emailChanged && !mobileChanged) {
            PatientAccount confirmed = account.withPendingContact(null, null, null, null, CONTACT_CONFIRMED);
            transaction.executeWithoutResult(tx -> {
                accounts.save(confirmed);
                history.byPatient(account.ins(), "contact e-mail and mobile on file confirmed");
            });
            return view(null, confirmed, record, List.of());
        }
        ContactConfirmation.Sent sent = contacts.send(account, record, emailChanged ? email : null,
                mobileChanged ? mobile : null, CONTACT_PENDING, "contact change requested ("
                        + (emailChanged ? "e-mail" : "") + (emailChanged && mobileChanged ? " and " : "")
                        + (mobileChanged ? "mobile" : "") + "); one-time code(s) sent to the new contact");
        return view(null, sent.account(), record, sent.channels());
    }

    public ActivationStep confirmContact(String journey, String emailCode, String smsCode) {
        PatientAccount account = journey(journey, CONTACT_PENDING);
        PatientAccount confirmed = contacts.confirm(account, emailCode, smsCode, DECIDED, CONTACT_CONFIRMED,
                "contact confirmation");
        transaction.executeWithoutResult(tx -> {
            accounts.save(confirmed);
            history.byPatient(account.ins(), "new contact confirmed with the one-time code(s)");
        });
        return view(null, confirmed, records.findPatient(account.ins()).orElseThrow(), List.of());
    }

    // ------------------------------------------------------------------ 5. identifier and password

    public ActivationStep credentials(String journey, String typedIdentifier, String password, String confirmation) {
        PatientAccount account = journey(journey, CONTACT_CONFIRMED);
        String identifier = CredentialsRule.identifier(typedIdentifier, account.ins().id());
        CredentialsRule.password(password, confirmation);
        Optional<PatientAccount> holder = accounts.findByLogin(identifier);
        if (holder.isPresent() && !holder.get().ins().equals(account.ins())) {
            throw new AccountException(AccountErrorCode.IDENTIFIER_TAKEN, "identifier", "identifier : cet "
                    + "identifiant est déjà utilisé ; choisissez-en un autre.");
        }
        String hash = passwords.hash(password);
        return transaction.execute(tx -> {
            activation.activate(account, identifier, hash);
            PatientAccount done = accounts.find(account.ins()).orElseThrow();
            return view(null, done, records.findPatient(account.ins()).orElseThrow(), List.of());
        });
    }

    // ------------------------------------------------------------------

    private PatientAccount journey(String token, String... expectedSteps) {
        if (token == null || token.isBlank()) {
            throw unknownJourney();
        }
        PatientAccount account = accounts.findByJourney(SecretCodes.hash(token)).orElseThrow(ActivationJourney::unknownJourney);
        if (account.journeyExpiresAt() == null || !clock.now().isBefore(account.journeyExpiresAt())) {
            throw unknownJourney();
        }
        if (!List.of(expectedSteps).contains(account.journeyStep())) {
            throw new AccountException(AccountErrorCode.STEP_OUT_OF_ORDER, null, "Cette étape n'est pas la suivante "
                    + "du parcours (étape en cours : " + account.journeyStep() + ").");
        }
        return account;
    }

    private static AccountException unknownJourney() {
        return new AccountException(AccountErrorCode.JOURNEY_UNKNOWN, "journey", "journey : ce parcours n'existe pas "
                + "ou a expiré ; recommencez avec votre code provisoire.");
    }

    private static ActivationStep view(String token, PatientAccount account, PatientRecord record, List<String> sent) {
        return new ActivationStep(token, account.journeyStep(), record.state(), record.givenName(),
                record.familyName(), account.email(), account.mobile(), account.journeyExpiresAt(), sent);
    }
}
