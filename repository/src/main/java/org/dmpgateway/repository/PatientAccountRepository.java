package org.dmpgateway.repository;

import org.dmpgateway.model.PatientRecordState;
import org.dmpgateway.model.PatientRef;
import org.dmpgateway.model.account.PatientAccount;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The patients' Mon espace santé accounts (table patient_account). Stores and selects; the rules
 * (codes, journey, transitions) live in the core's {@code account} package.
 */
public interface PatientAccountRepository {

    /** Inserts or replaces the account of {@code account.ins()}. */
    void save(PatientAccount account);

    Optional<PatientAccount> find(PatientRef ins);

    /** The accounts whose INS value is {@code nir} (any INS authority), for the journey's first step. */
    List<PatientAccount> findByNir(String nir);

    /** The account whose activation journey token hashes to {@code journeyHash}. */
    Optional<PatientAccount> findByJourney(String journeyHash);

    /** The account whose identifier is {@code loginId}. */
    Optional<PatientAccount> findByLogin(String loginId);

    /**
     * Records still NOTIFIED whose notification was sent at or before {@code notifiedBefore}: the
     * candidates of the automatic creation, oldest first, at most {@code max}.
     */
    List<PatientRef> notifiedBefore(Instant notifiedBefore, int max);

    /**
     * Moves the record from {@code from} to {@code to} only if it is still in {@code from} (a
     * conditional UPDATE): true for exactly one of several servers racing on the same record.
     */
    boolean transitionState(PatientRef ins, PatientRecordState from, PatientRecordState to);

    /** Stores a signed-in session: the SHA-256 of its bearer token, valid until {@code expiresAt}. */
    void saveSession(String tokenHash, PatientRef ins, Instant expiresAt);

    /** The patient of a session still valid at {@code now}. */
    Optional<PatientRef> findSession(String tokenHash, Instant now);

    /** Ends every session of the patient (sign-out, closure). */
    void deleteSessions(PatientRef ins);

    /** The wrong passwords in a row at the patient's login, and the end of its lock (null: not locked). */
    LoginFailures findLoginFailures(PatientRef ins);

    /** Records the wrong passwords in a row and the end of the lock (null: none). */
    void saveLoginFailures(PatientRef ins, LoginFailures failures);

    /** Wrong passwords in a row at login, and until when the login is locked (null: not locked). */
    record LoginFailures(int count, Instant lockedUntil) {
        public static final LoginFailures NONE = new LoginFailures(0, null);
    }
}
