package org.dmpgateway.server;

import org.dmpgateway.server.support.MailServer;
import org.dmpgateway.server.support.PatientPortalClient.Answer;
import org.dmpgateway.server.support.SmsProvider;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.*;

/**
 * Mon espace santé accounts end to end (issue 15): the insurer's notice, the activation or
 * opposition journey, the automatic creation, the code's lock and re-issue, closure and
 * reactivation, and after each step the professional's answer over SOAP and FHIR. Subclasses
 * choose the database.
 */
abstract class PatientAccountEndToEndTestBase extends PatientPortalEndToEndSupport {
    // ------------------------------------------------------------------ scenarios

    @Test
    void activationWithTheCodeReceivedByEmailThenLoginWithAnEmailedOneTimeCode() {
        admin.notifyRecord(ins, email, mobile, serial, "EMAIL");
        MailServer.ReceivedMail notice = mailTo(email, 1).get(0);
        assertEquals("Mon espace santé : votre code provisoire", notice.subject());
        assertTrue(notice.body().contains("automatiquement créé (loi OTSS de juillet 2019)"), notice.body());
        assertTrue(notice.body().contains("Au bout de 6 semaines"), notice.body());
        professionalGets("DMP_UNKNOWN", 404);

        String journey = start(code(notice), "WITHOUT_PHOTO", serial).ok().get("journey");
        Answer decided = portal.post("/activation/decision", Map.of("journey", journey, "decision", "ACTIVATE",
                "termsAccepted", true)).ok();
        assertEquals("DECIDED", decided.get("step"));
        assertEquals(email, decided.get("email"), "the contact on file is shown once the card is verified");
        assertEquals("CONTACT_CONFIRMED", portal.post("/activation/contact", Map.of("journey", journey,
                "email", email, "mobile", mobile)).ok().get("step"));
        Answer activated = credentials(journey, "patient" + ins.substring(9)).ok();
        assertEquals("ACTIVATED", activated.get("state"));
        assertEquals("ACTIVATED", state());

        professionalIsServed();
        String token = login("patient" + ins.substring(9), "EMAIL");
        Answer me = portal.get("/me", token).ok();
        assertEquals("ACTIVATED", me.get("state"));
        assertEquals(ins, me.get("ins"));
        assertNotNull(me.get("activatedAt"));
        List<String> steps = historyDetails(token);
        assertTrue(steps.stream().anyMatch(d -> d.startsWith("Mon espace santé activated (state NOTIFIED -> ACTIVATED)")),
                steps::toString);
        assertTrue(steps.stream().anyMatch(d -> d.startsWith("record notified")), steps::toString);
    }

    @Test
    void oppositionBeforeCreationThenChangeOfMindWithACodeReissuedBySms() {
        admin.notifyRecord(ins, email, mobile, serial, "EMAIL");
        String code = code(mailTo(email, 1).get(0));
        String journey = start(code, "WITHOUT_PHOTO", serial).ok().get("journey");
        Answer opposed = portal.post("/activation/decision", Map.of("journey", journey, "decision", "OPPOSE",
                "termsAccepted", true)).ok();
        assertEquals("OPPOSED", opposed.get("state"));
        assertEquals("OPPOSED", state());
        professionalGets("DMP_OPPOSED", 410);

        Answer used = start(code, "WITHOUT_PHOTO", serial);
        assertError(used, 410, "CODE_USED", "code");

        // the card with a photo: its last 11 digits
        Answer sent = portal.post("/provisional-code", Map.of("nir", spaced(ins), "cardType", "WITH_PHOTO",
                "serialNumber", serial.substring(serial.length() - 11), "channel", "SMS"));
        assertEquals(202, sent.status(), sent.text());
        assertTrue(sent.get("sentTo").endsWith(mobile.substring(mobile.length() - 2)), sent.text());
        List<SmsProvider.Sms> smsList = SMS.sentTo(mobile);
        assertEquals(1, smsList.size());
        Matcher m = PROVISIONAL_CODE.matcher(smsList.get(0).text());
        assertTrue(m.find(), smsList.get(0).text());
        String again = start(m.group(1), "WITH_PHOTO", serial.substring(serial.length() - 11)).ok().get("journey");
        activate(again, "reprise" + ins.substring(9));
        assertEquals("ACTIVATED", state());
        professionalIsServed();
        assertTrue(adminTraceDetails().stream().anyMatch(d -> d.startsWith("Mon espace santé reactivated (state "
                + "OPPOSED -> ACTIVATED)")));
    }

    @Test
    void automaticCreationAfterTheOppositionPeriodThenOppositionAsClosure() {
        admin.notifyRecord(ins, email, mobile, serial, "EMAIL");
        String code = code(mailTo(email, 1).get(0));
        clock.advance(Duration.ofDays(41));
        assertEquals("NOTIFIED", state(), "the period has not ended yet");
        clock.advance(Duration.ofDays(2));
        await().atMost(TIMEOUT).until(() -> "CREATED".equals(state()));
        MailServer.ReceivedMail created = mailTo(email, 2).get(1);
        assertEquals("Votre profil Mon espace santé a été créé", created.subject());
        assertTrue(created.body().contains("activez Mon espace santé"), created.body());
        professionalIsServed();

        String journey = start(code, "WITHOUT_PHOTO", serial).ok().get("journey");
        assertEquals("CLOSED", portal.post("/activation/decision", Map.of("journey", journey, "decision", "OPPOSE",
                "termsAccepted", true)).ok().get("state"));
        professionalGets("DMP_CLOSED", 410);
        List<String> details = adminTraceDetails();
        assertTrue(details.stream().anyMatch(d -> d.startsWith("record created automatically (state NOTIFIED -> "
                + "CREATED)")), details::toString);
        assertTrue(details.stream().anyMatch(d -> d.equals("Mon espace santé closed (state CREATED -> CLOSED), "
                + "reason: opposition du patient")), details::toString);
    }

    @Test
    void wrongAttemptsLockTheCodeUntilANewOneIsSentByEmail() {
        admin.notifyRecord(ins, email, mobile, serial, "SMS");
        String code = codeFromSms(0);
        String wrong = (code.charAt(0) == 'A' ? "B" : "A") + code.substring(1);
        for (int left = 4; left >= 1; left--) {
            Answer a = start(wrong, "WITHOUT_PHOTO", serial);
            assertError(a, 401, "WRONG_CREDENTIALS", "code");
            assertTrue(a.get("message").contains("Il vous reste " + left), a.text());
        }
        Answer locked = start(wrong, "WITHOUT_PHOTO", serial);
        assertError(locked, 423, "CODE_LOCKED", "code");
        assertTrue(locked.get("message").contains("bloqué après 5 essais erronés"), locked.text());
        assertError(start(code, "WITHOUT_PHOTO", serial), 423, "CODE_LOCKED", "code");

        Answer sent = portal.post("/provisional-code", Map.of("nir", ins, "cardType", "WITHOUT_PHOTO",
                "serialNumber", serial, "channel", "EMAIL"));
        assertEquals(202, sent.status(), sent.text());
        String fresh = code(mailTo(email, 1).get(0));
        assertNotEquals(code, fresh);
        assertError(start(code, "WITHOUT_PHOTO", serial), 401, "WRONG_CREDENTIALS", "code");
        activate(start(fresh, "WITHOUT_PHOTO", serial).ok().get("journey"), "verrou" + ins.substring(9));
        assertEquals("ACTIVATED", state());
        assertTrue(adminTraceOutcomes().contains("CODE_LOCKED"), "the lock is in the history");
    }

    @Test
    void wrongPasswordsLockTheLoginForAWhileEvenForTheRightPassword() {
        admin.notifyRecord(ins, email, mobile, serial, "EMAIL");
        String identifier = "verrou" + ins.substring(9);
        activate(start(code(mailTo(email, 1).get(0)), "WITHOUT_PHOTO", serial).ok().get("journey"), identifier);
        Map<String, String> wrong = Map.of("identifier", identifier, "password", PASSWORD + "x");
        for (int i = 1; i <= 4; i++) {
            Answer refused = portal.post("/login", wrong);
            assertError(refused, 401, "WRONG_CREDENTIALS", "password");
            assertTrue(refused.get("message").contains("après 5 mots de passe erronés de suite, la connexion est "
                    + "bloquée 15 minutes"), refused.text());
        }
        Answer locked = portal.post("/login", wrong);
        assertError(locked, 423, "LOGIN_LOCKED", "password");
        assertTrue(locked.get("message").contains("la connexion à votre compte est bloquée jusqu'au"), locked.text());
        assertError(portal.post("/login", Map.of("identifier", identifier, "password", PASSWORD)), 423,
                "LOGIN_LOCKED", "password");
        clock.advance(Duration.ofMinutes(14));
        assertError(portal.post("/login", Map.of("identifier", identifier, "password", PASSWORD)), 423,
                "LOGIN_LOCKED", "password");
        clock.advance(Duration.ofMinutes(2));
        assertEquals("ACTIVATED", portal.get("/me", login(identifier, "EMAIL")).ok().get("state"));
        assertTrue(adminTraceOutcomes().contains("LOGIN_LOCKED"), "the lock is in the history");
        assertError(portal.post("/login", Map.of("identifier", "inconnu" + ins.substring(9), "password", PASSWORD)),
                401, "WRONG_CREDENTIALS", "password");
    }

    @Test
    void expiredCodeIsRefused() {
        admin.notifyRecord(ins, email, mobile, serial, "EMAIL");
        String code = code(mailTo(email, 1).get(0));
        clock.advance(Duration.ofDays(91));
        assertError(start(code, "WITHOUT_PHOTO", serial), 410, "CODE_EXPIRED", "code");
    }

    @Test
    void closureAndReactivation() {
        admin.notifyRecord(ins, email, mobile, serial, "EMAIL");
        activate(start(code(mailTo(email, 1).get(0)), "WITHOUT_PHOTO", serial).ok().get("journey"),
                "cloture" + ins.substring(9));
        String token = login("cloture" + ins.substring(9), "SMS");
        assertError(portal.post("/me/closure", Map.of("reason", ""), token), 400, "INVALID_FIELD", "reason");
        Answer closed = portal.post("/me/closure", Map.of("reason", "Je n'utilise plus le service"), token).ok();
        assertEquals("CLOSED", closed.get("state"));
        assertEquals("Je n'utilise plus le service", closed.get("closeReason"));
        assertNotNull(closed.get("closedAt"));
        assertError(portal.get("/me", token), 401, "UNAUTHENTICATED", "Authorization");
        professionalGets("DMP_CLOSED", 410);

        portal.post("/provisional-code", Map.of("nir", ins, "cardType", "WITHOUT_PHOTO", "serialNumber", serial))
                .ok();
        activate(start(code(mailTo(email, 2).get(1)), "WITHOUT_PHOTO", serial).ok().get("journey"),
                "cloture" + ins.substring(9));
        assertEquals("ACTIVATED", state());
        professionalIsServed();
        assertTrue(adminTraceDetails().stream().anyMatch(d -> d.startsWith("Mon espace santé reactivated (state "
                + "CLOSED -> ACTIVATED)")));
    }

    @Test
    void changedContactIsConfirmedWithOneTimeCodesSentToTheNewEmailAndMobile() {
        admin.notifyRecord(ins, email, null, serial, "EMAIL");
        String journey = start(code(mailTo(email, 1).get(0)), "WITHOUT_PHOTO", serial).ok().get("journey");
        portal.post("/activation/decision", Map.of("journey", journey, "decision", "ACTIVATE", "termsAccepted", true))
                .ok();
        String newEmail = "nouvelle." + ins + "@example.org";
        Answer pending = portal.post("/activation/contact", Map.of("journey", journey, "email", newEmail,
                "mobile", "06 " + mobile.substring(4))).ok();
        assertEquals("CONTACT_PENDING", pending.get("step"));
        String emailCode = oneTimeCode(mailTo(newEmail, 1).get(0).body());
        Matcher sms = ONE_TIME_CODE.matcher(SMS.sentTo(mobile).get(0).text());
        assertTrue(sms.find());
        assertError(portal.post("/activation/credentials", Map.of("journey", journey, "identifier", "abcdefgh1",
                "password", PASSWORD, "passwordConfirmation", PASSWORD)), 409, "STEP_OUT_OF_ORDER", null);
        String wrong = emailCode.equals("000000") ? "111111" : "000000";
        assertError(portal.post("/activation/contact/confirmation", Map.of("journey", journey, "emailCode", wrong,
                "smsCode", sms.group(1))), 401, "WRONG_ONE_TIME_CODE", "emailCode");
        assertEquals("CONTACT_CONFIRMED", portal.post("/activation/contact/confirmation", Map.of("journey", journey,
                "emailCode", emailCode, "smsCode", sms.group(1))).ok().get("step"));
        credentials(journey, "contact" + ins.substring(9)).ok();
        assertTrue(admin.record(ins).contains("\"email\":\"" + newEmail + "\""), "the confirmed e-mail receives the "
                + "record's notifications");
    }

    @Test
    void eachFieldIsValidatedWithAFrenchMessageNamingIt() {
        admin.notifyRecord(ins, email, mobile, serial, "EMAIL");
        String code = code(mailTo(email, 1).get(0));
        assertError(start(code.substring(1), "WITHOUT_PHOTO", serial), 400, "INVALID_FIELD", "code");
        assertError(start(code, "SANS_PHOTO", serial), 400, "INVALID_FIELD", "cardType");
        Answer badNir = portal.post("/activation", Map.of("code", code, "cardType", "WITHOUT_PHOTO",
                "nir", ins.substring(0, 13) + (ins.endsWith("01") ? "02" : "01"), "serialNumber", serial));
        assertError(badNir, 400, "INVALID_FIELD", "nir");
        assertTrue(badNir.get("message").contains("clé"), badNir.text());
        assertError(start(code, "WITH_PHOTO", serial.substring(0, 10)), 400, "INVALID_FIELD", "serialNumber");
        assertError(start(code, "WITHOUT_PHOTO", "1234567"), 400, "INVALID_FIELD", "serialNumber");
        assertError(portal.post("/activation/decision", Map.of("journey", "nope", "decision", "ACTIVATE",
                "termsAccepted", true)), 404, "JOURNEY_UNKNOWN", "journey");

        String journey = start(code, "WITHOUT_PHOTO", serial).ok().get("journey");
        assertError(portal.post("/activation/decision", Map.of("journey", journey, "decision", "ACTIVATE",
                "termsAccepted", false)), 400, "INVALID_FIELD", "termsAccepted");
        portal.post("/activation/decision", Map.of("journey", journey, "decision", "ACTIVATE", "termsAccepted", true))
                .ok();
        assertError(portal.post("/activation/contact", Map.of("journey", journey, "email", "pas-une-adresse")),
                400, "INVALID_FIELD", "email");
        assertError(portal.post("/activation/contact", Map.of("journey", journey, "email", email, "mobile", "0123")),
                400, "INVALID_FIELD", "mobile");
        portal.post("/activation/contact", Map.of("journey", journey, "email", email)).ok();
        Map<String, String> rules = Map.of("court", "identifier", "moi@example.org", "identifier");
        rules.forEach((id, field) -> assertError(portal.post("/activation/credentials", Map.of("journey", journey,
                "identifier", id, "password", PASSWORD, "passwordConfirmation", PASSWORD)), 400, "INVALID_FIELD", field));
        Answer weak = portal.post("/activation/credentials", Map.of("journey", journey, "identifier", "valide123",
                "password", "motdepasse", "passwordConfirmation", "motdepasse"));
        assertError(weak, 400, "INVALID_FIELD", "password");
        assertTrue(weak.get("message").contains("1 majuscule, 1 chiffre, 1 caractère spécial"), weak.text());
        assertError(portal.post("/activation/credentials", Map.of("journey", journey, "identifier", "valide123",
                "password", PASSWORD, "passwordConfirmation", PASSWORD + "x")), 400, "INVALID_FIELD",
                "passwordConfirmation");
        assertEquals("NOTIFIED", state(), "nothing changed");
    }
}
