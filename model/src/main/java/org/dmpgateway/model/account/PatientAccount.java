package org.dmpgateway.model.account;

import org.dmpgateway.model.PatientRef;

import java.time.Instant;

/**
 * The patient's Mon espace santé account beside the record (dmp-rules.md section 1): the contact
 * data the insurer gave, the Vitale card serial number, the provisional code (hashed) and its
 * counters, the activation journey in progress, the patient's credentials (identifier and password
 * hash), and the closure's date and reason. Secrets are never kept in clear: {@code codeHash},
 * {@code journeyHash} and the one-time code hashes are SHA-256 of the code, {@code passwordHash} a
 * Spring Security encoded password.
 */
public record PatientAccount(PatientRef ins, String email, String mobile, String cardSerial,
                             Instant notifiedAt, Instant createdAt, Instant activatedAt,
                             String codeHash, Instant codeExpiresAt, int codeFailures, boolean codeLocked,
                             Instant codeUsedAt,
                             String journeyHash, Instant journeyExpiresAt, String journeyStep,
                             String pendingEmail, String pendingMobile, String otpHash, Instant otpExpiresAt,
                             int otpFailures,
                             String loginId, String passwordHash,
                             Instant closedAt, String closeReason) {

    public PatientAccount {
        if (ins == null) {
            throw new IllegalArgumentException("an account needs the record's INS");
        }
    }

    /** A new account for a record notified at {@code notifiedAt}, nothing else set. */
    public static PatientAccount notified(PatientRef ins, String email, String mobile, String cardSerial,
                                          Instant notifiedAt) {
        return new PatientAccount(ins, email, mobile, cardSerial, notifiedAt, null, null, null, null, 0, false, null,
                null, null, null, null, null, null, null, 0, null, null, null, null);
    }

    public PatientAccount withCode(String hash, Instant expiresAt) {
        return new PatientAccount(ins, email, mobile, cardSerial, notifiedAt, createdAt, activatedAt, hash, expiresAt,
                0, false, null, null, null, null, null, null, null, null, 0, loginId, passwordHash, closedAt,
                closeReason);
    }

    public PatientAccount withCodeFailures(int failures, boolean locked) {
        return new PatientAccount(ins, email, mobile, cardSerial, notifiedAt, createdAt, activatedAt, codeHash,
                codeExpiresAt, failures, locked, codeUsedAt, journeyHash, journeyExpiresAt, journeyStep, pendingEmail,
                pendingMobile, otpHash, otpExpiresAt, otpFailures, loginId, passwordHash, closedAt, closeReason);
    }

    public PatientAccount withJourney(String hash, Instant expiresAt, String step) {
        return new PatientAccount(ins, email, mobile, cardSerial, notifiedAt, createdAt, activatedAt, codeHash,
                codeExpiresAt, 0, codeLocked, codeUsedAt, hash, expiresAt, step, pendingEmail, pendingMobile,
                otpHash, otpExpiresAt, otpFailures, loginId, passwordHash, closedAt, closeReason);
    }

    public PatientAccount withPendingContact(String newEmail, String newMobile, String hash, Instant expiresAt,
                                             String step) {
        return new PatientAccount(ins, email, mobile, cardSerial, notifiedAt, createdAt, activatedAt, codeHash,
                codeExpiresAt, codeFailures, codeLocked, codeUsedAt, journeyHash, journeyExpiresAt, step, newEmail,
                newMobile, hash, expiresAt, 0, loginId, passwordHash, closedAt, closeReason);
    }

    public PatientAccount withOtpFailures(int failures) {
        return new PatientAccount(ins, email, mobile, cardSerial, notifiedAt, createdAt, activatedAt, codeHash,
                codeExpiresAt, codeFailures, codeLocked, codeUsedAt, journeyHash, journeyExpiresAt, journeyStep,
                pendingEmail, pendingMobile, otpHash, otpExpiresAt, failures, loginId, passwordHash, closedAt,
                closeReason);
    }

    /** The contact confirmed: the pending e-mail and mobile (when any) replace the ones on file. */
    public PatientAccount withContactConfirmed(String step) {
        return new PatientAccount(ins, pendingEmail != null ? pendingEmail : email,
                pendingMobile != null ? pendingMobile : mobile, cardSerial, notifiedAt, createdAt, activatedAt,
                codeHash, codeExpiresAt, codeFailures, codeLocked, codeUsedAt, journeyHash, journeyExpiresAt, step,
                null, null, null, null, 0, loginId, passwordHash, closedAt, closeReason);
    }

    /** The journey ended (activated or opposed): the provisional code is spent, the journey forgotten. */
    public PatientAccount withCodeUsed(Instant when) {
        return new PatientAccount(ins, email, mobile, cardSerial, notifiedAt, createdAt, activatedAt, codeHash,
                codeExpiresAt, codeFailures, codeLocked, when, null, null, null, null, null, null, null, 0, loginId,
                passwordHash, closedAt, closeReason);
    }

    public PatientAccount withCredentials(String newLoginId, String newPasswordHash, Instant when) {
        return new PatientAccount(ins, email, mobile, cardSerial, notifiedAt, createdAt, when, codeHash,
                codeExpiresAt, codeFailures, codeLocked, codeUsedAt, journeyHash, journeyExpiresAt, journeyStep,
                pendingEmail, pendingMobile, otpHash, otpExpiresAt, otpFailures, newLoginId, newPasswordHash, null,
                null);
    }

    public PatientAccount withCreated(Instant when) {
        return new PatientAccount(ins, email, mobile, cardSerial, notifiedAt, when, activatedAt, codeHash,
                codeExpiresAt, codeFailures, codeLocked, codeUsedAt, journeyHash, journeyExpiresAt, journeyStep,
                pendingEmail, pendingMobile, otpHash, otpExpiresAt, otpFailures, loginId, passwordHash, closedAt,
                closeReason);
    }

    public PatientAccount withClosure(Instant when, String reason) {
        return new PatientAccount(ins, email, mobile, cardSerial, notifiedAt, createdAt, activatedAt, codeHash,
                codeExpiresAt, codeFailures, codeLocked, codeUsedAt, journeyHash, journeyExpiresAt, journeyStep,
                pendingEmail, pendingMobile, otpHash, otpExpiresAt, otpFailures, loginId, passwordHash, when, reason);
    }
}
