package org.dmpgateway.core.account;

import org.dmpgateway.model.PatientRef;
import org.dmpgateway.model.account.AccountErrorCode;
import org.dmpgateway.model.account.AccountException;
import org.dmpgateway.model.account.CardType;
import org.dmpgateway.model.account.PatientAccount;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import static org.junit.jupiter.api.Assertions.*;

/** The field rules and the provisional code's counters, without a database. */
class AccountRulesTest {

    static AccountException refused(Runnable r) {
        return assertThrows(AccountException.class, r::run);
    }

    @Test
    void nirNeedsThirteenCharactersAndItsKey() {
        String body = "1551255555555";
        String key = String.format("%02d", org.dmpgateway.core.patient.InsValidator.expectedKey(body));
        assertEquals(body + key, NirRule.check("1 55 12 55 555 555 " + key));
        AccountException wrongKey = refused(() -> NirRule.check(body + (key.equals("01") ? "02" : "01")));
        assertEquals("nir", wrongKey.field());
        assertTrue(wrongKey.getMessage().startsWith("nir : la clé"), wrongKey.getMessage());
        assertEquals("nir", refused(() -> NirRule.check("12345")).field());
        assertEquals("nir", refused(() -> NirRule.check(null)).field());
    }

    @Test
    void vitaleSerialNumberDependsOnTheCard() {
        assertEquals("12345678", VitaleSerialRule.check(CardType.WITHOUT_PHOTO, "1234 5678"));
        assertEquals("1234567890123", VitaleSerialRule.check(CardType.WITHOUT_PHOTO, "1234567890123"));
        assertEquals("serialNumber", refused(() -> VitaleSerialRule.check(CardType.WITHOUT_PHOTO, "1234567")).field());
        assertEquals("serialNumber", refused(() -> VitaleSerialRule.check(CardType.WITHOUT_PHOTO, "12345678901234")).field());
        assertEquals("serialNumber", refused(() -> VitaleSerialRule.check(CardType.WITH_PHOTO, "1234567890")).field());
        assertTrue(VitaleSerialRule.matches(CardType.WITH_PHOTO, "23456789012", "0123456789012"));
        assertFalse(VitaleSerialRule.matches(CardType.WITH_PHOTO, "23456789011", "0123456789012"));
        assertTrue(VitaleSerialRule.matches(CardType.WITHOUT_PHOTO, "0123456789012", "0123456789012"));
        assertEquals("cardType", refused(() -> VitaleSerialRule.cardType("PHOTO")).field());
    }

    @Test
    void identifierAndPasswordRules() {
        assertEquals("martine.d", CredentialsRule.identifier("martine.d", "155125555555542"));
        assertEquals("identifier", refused(() -> CredentialsRule.identifier("court", null)).field());
        assertTrue(refused(() -> CredentialsRule.identifier("moi@exemple.fr", null)).getMessage()
                .contains("ne peut pas être une adresse e-mail"));
        assertEquals("identifier", refused(() -> CredentialsRule.identifier("155125555555542", "155125555555542")).field());
        assertEquals("Abcdef1!", CredentialsRule.password("Abcdef1!", "Abcdef1!"));
        AccountException weak = refused(() -> CredentialsRule.password("abc", "abc"));
        assertEquals("password", weak.field());
        assertEquals("password : le mot de passe doit comporter 8 caractères minimum, 1 majuscule, 1 chiffre, "
                + "1 caractère spécial (!#@;%...).", weak.getMessage());
        assertEquals("passwordConfirmation", refused(() -> CredentialsRule.password("Abcdef1!", "Abcdef1?")).field());
        assertEquals("password", refused(() -> CredentialsRule.password("Aa1!" + "x".repeat(70), null)).field());
    }

    @Test
    void contactRules() {
        assertEquals("+33612345678", ContactRule.mobile("06 12 34 56 78"));
        assertEquals("+33712345678", ContactRule.mobile("+33 7 12 34 56 78"));
        assertNull(ContactRule.mobile(" "));
        assertEquals("mobile", refused(() -> ContactRule.mobile("01 23 45 67 89")).field());
        assertEquals("email", refused(() -> ContactRule.email("a@b, c@d.fr")).field());
    }

    @Test
    void provisionalCodeLocksAfterTheLastWrongAttemptAndExpires() {
        Instant now = Instant.parse("2026-06-01T08:00:00Z");
        AccountSettings settings = AccountSettings.defaults();
        ProvisionalCode codes = new ProvisionalCode(settings, new AccountClock(Clock.fixed(now, ZoneOffset.UTC)));
        PatientAccount account = PatientAccount.notified(new PatientRef("155125555555542", "1.2.250.1.213.1.4.10"),
                "a@example.org", null, "0102457612", now);
        ProvisionalCode.Issued issued = codes.issue(account);
        assertEquals(12, issued.code().length());
        assertNotEquals(issued.code(), issued.account().codeHash(), "stored hashed");
        PatientAccount a = issued.account();
        for (int i = 1; i <= 4; i++) {
            ProvisionalCode.Check c = codes.check(a, "WRONGWRONG22", CardType.WITHOUT_PHOTO, "0102457612");
            assertEquals(AccountErrorCode.WRONG_CREDENTIALS, c.refusal().code());
            a = c.account();
            assertEquals(i, a.codeFailures());
        }
        ProvisionalCode.Check last = codes.check(a, "WRONGWRONG22", CardType.WITHOUT_PHOTO, "0102457612");
        assertEquals(AccountErrorCode.CODE_LOCKED, last.refusal().code());
        assertTrue(last.account().codeLocked());
        assertEquals(AccountErrorCode.CODE_LOCKED,
                codes.check(last.account(), issued.code(), CardType.WITHOUT_PHOTO, "0102457612").refusal().code());
        assertTrue(codes.check(issued.account(), issued.code(), CardType.WITHOUT_PHOTO, "0102457612").matched());
        assertFalse(codes.check(issued.account(), issued.code(), CardType.WITHOUT_PHOTO, "0102457613").matched(),
                "the right code with another card is a wrong attempt");
        ProvisionalCode later = new ProvisionalCode(settings, new AccountClock(Clock.fixed(now.plus(settings
                .codeValidity()), ZoneOffset.UTC)));
        assertEquals(AccountErrorCode.CODE_EXPIRED,
                later.check(issued.account(), issued.code(), CardType.WITHOUT_PHOTO, "0102457612").refusal().code());
    }
}
