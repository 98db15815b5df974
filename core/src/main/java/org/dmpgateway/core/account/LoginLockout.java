package org.dmpgateway.core.account;

import org.dmpgateway.config.DmpProperties;
import org.dmpgateway.model.PatientRef;
import org.dmpgateway.model.account.AccountErrorCode;
import org.dmpgateway.model.account.AccountException;
import org.dmpgateway.repository.PatientAccountRepository;
import org.dmpgateway.repository.PatientAccountRepository.LoginFailures;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/**
 * Wrong passwords at the patient's login, counted on the account: after
 * {@code dmp.accounts.login.max-failures} (5) in a row the login is locked for
 * {@code dmp.accounts.login.lock-duration} (15 min), whatever password is then typed, and the
 * count starts again when the lock ends; a successful password resets it. An unknown identifier
 * counts nothing (it has no account) and gets the same message as a wrong password. The count and
 * the lock are traced in the record's history. Runs in the caller's transaction.
 */
@Component
public class LoginLockout {
    private static final DateTimeFormatter PARIS_TIME = DateTimeFormatter.ofPattern("dd/MM/yyyy 'à' HH'h'mm")
            .withZone(ZoneId.of("Europe/Paris"));

    private final PatientAccountRepository accounts;
    private final AccountHistory history;
    private final AccountClock clock;
    private final int maxFailures;
    private final Duration lockDuration;

    /** {@code login}: the {@code dmp.accounts.login} node of the configuration tree (bounds checked there). */
    public LoginLockout(PatientAccountRepository accounts, AccountHistory history, AccountClock clock,
                        DmpProperties.Login login) {
        this.accounts = accounts;
        this.history = history;
        this.clock = clock;
        this.maxFailures = login.maxFailures();
        this.lockDuration = login.lockDuration();
    }

    /** Refuses the login of a locked account (LOGIN_LOCKED), before its password is checked. */
    public void requireUnlocked(PatientRef ins) {
        Instant until = accounts.findLoginFailures(ins).lockedUntil();
        if (until != null && clock.now().isBefore(until)) {
            throw locked(until);
        }
    }

    /**
     * Counts a wrong password and answers the refusal to throw: WRONG_CREDENTIALS, or LOGIN_LOCKED
     * when it was the last one allowed.
     */
    public AccountException wrongPassword(PatientRef ins) {
        LoginFailures before = accounts.findLoginFailures(ins);
        boolean lockOver = before.lockedUntil() != null;
        int failures = (lockOver ? 0 : before.count()) + 1;
        if (failures >= maxFailures) {
            Instant until = clock.now().plus(lockDuration);
            accounts.saveLoginFailures(ins, new LoginFailures(0, until));
            history.refused(ins, AccountErrorCode.LOGIN_LOCKED.name(), "login refused: wrong password, " + failures
                    + " in a row, login locked until " + until);
            return locked(until);
        }
        accounts.saveLoginFailures(ins, new LoginFailures(failures, null));
        history.refused(ins, AccountErrorCode.WRONG_CREDENTIALS.name(), "login refused: wrong password (" + failures
                + " in a row)");
        return wrongCredentials();
    }

    /** The right password: the count starts again. */
    public void succeeded(PatientRef ins) {
        if (!LoginFailures.NONE.equals(accounts.findLoginFailures(ins))) {
            accounts.saveLoginFailures(ins, LoginFailures.NONE);
        }
    }

    /** One message for an unknown identifier and a wrong password. */
    public AccountException wrongCredentials() {
        return new AccountException(AccountErrorCode.WRONG_CREDENTIALS, "password", "password : l'identifiant ou le "
                + "mot de passe est incorrect ; après " + maxFailures + " mots de passe erronés de suite, la connexion "
                + "est bloquée " + minutes() + ".");
    }

    private AccountException locked(Instant until) {
        return new AccountException(AccountErrorCode.LOGIN_LOCKED, "password", "password : après " + maxFailures
                + " mots de passe erronés de suite, la connexion à votre compte est bloquée jusqu'au "
                + PARIS_TIME.format(until) + " (heure de Paris). Vous pourrez alors réessayer ; si vous avez oublié "
                + "votre mot de passe, demandez un nouveau code provisoire.");
    }

    private String minutes() {
        long m = Math.max(1, lockDuration.toMinutes());
        return m + " minute" + (m > 1 ? "s" : "");
    }
}
