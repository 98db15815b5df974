package org.dmpgateway.server;

import com.fasterxml.jackson.core.type.TypeReference;
import org.dmpgateway.model.PatientRecordState;
import org.dmpgateway.model.access.AccessMode;
import org.dmpgateway.server.support.MailServer;
import org.dmpgateway.server.support.PatientPortalClient;
import org.dmpgateway.server.support.PatientPortalClient.Answer;
import org.dmpgateway.server.support.SampleSubmissions;
import org.dmpgateway.server.support.TestPatients;
import org.dmpgateway.server.support.Vihf;
import org.dmpgateway.server.support.XdsClient;
import org.junit.jupiter.api.Test;
import org.openehealth.ipf.commons.ihe.xds.core.requests.ProvideAndRegisterDocumentSet;

import java.io.IOException;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Children and legal representatives end to end (issue 15, docs/patient-api.md "Children and legal
 * representatives"; seed 002 "Gérer le profil Mon espace santé de mon enfant"): the signed-in
 * patient of {@link PatientRecordEndToEndTestBase} is the representative; they activate a child's
 * profile with the child's provisional code and their own Vitale data, act on it with the
 * {@code Patient-Profile} header (documents, professionals, emergency switches, history), share it
 * with a second representative, who accepts; documents marked INVISIBLE_REPRESENTANTS_LEGAUX stay
 * out of their sight while the professionals' answers (SOAP, FHIR) are unchanged; the access ends at
 * the child's majority. Extends the record suite so that its server start serves both (the H2 and
 * PostgreSQL record suites run these tests too).
 */
abstract class PatientProfilesEndToEndTestBase extends PatientRecordEndToEndTestBase {
    static final String VISIBILITY_OID = "1.2.250.1.213.1.1.4.13";
    static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    // ------------------------------------------------------------------ activation by a representative

    @Test
    void aRepresentativeActivatesTheChildsProfileAndActsOnItWithoutSeeingWhatIsHiddenFromRepresentatives() {
        String parent = ins;
        String child = TestPatients.newIns();
        String code = notifiedChild(child, today().minusYears(8));
        Map<String, Object> body = childActivation(code, parent, serial);
        body.remove("legalRepresentative");
        Answer uncertified = portal.post("/profiles", body, token);
        assertError(uncertified, 400, "INVALID_FIELD", "legalRepresentative");
        assertTrue(uncertified.get("message").contains("représentant légal"), uncertified.text());
        assertError(portal.post("/profiles", childActivation(code, child, serial), token), 401, "WRONG_CREDENTIALS",
                "nir");
        assertError(portal.post("/profiles", childActivation(code, parent, "99999999"), token), 401,
                "WRONG_CREDENTIALS", "nir");
        assertError(portal.post("/profiles", childActivation("AAAAAAAAAAAA", parent, serial), token), 401,
                "WRONG_CREDENTIALS", "code");
        assertError(portal.post("/profiles", childActivation(code, parent, serial)), 401, "UNAUTHENTICATED",
                "Authorization");

        Answer added = portal.post("/profiles", childActivation(code, parent, serial), token);
        assertEquals(201, added.status(), added.text());
        assertEquals("ACTIVATED", added.get("state"));
        assertEquals("ACTIVE", added.get("status"));
        assertEquals(child, added.get("ins"));
        String profileId = added.get("id");
        assertError(portal.post("/profiles", childActivation(code, parent, serial), token), 410, "CODE_USED", "code");
        List<Map<String, Object>> profiles = portal.list("/profiles", token);
        assertEquals(1, profiles.size());
        assertEquals(profileId, profiles.get(0).get("id"));
        assertEquals(List.of("Test PATIENT-" + parent.substring(9)), profiles.get(0).get("representatives"));
        assertEquals("ACTIVATED", recordState(child));

        // the professional feeds the child's record: one document for all, one hidden from the
        // representatives, one hidden from the patient (so from the representatives too)
        ins = child;
        admin.authorise(child, Vihf.DURANT, "DURANT Romuald", false);
        ProvideAndRegisterDocumentSet visible = SampleSubmissions.single(child, SampleSubmissions.text("Vaccins"));
        ProvideAndRegisterDocumentSet secret = marked(child, "INVISIBLE_REPRESENTANTS_LEGAUX",
                "Non visible par les représentants légaux");
        ProvideAndRegisterDocumentSet notForPatient = marked(child, "INVISIBLE_PATIENT", "Non visible par le patient");
        submittedByDurant(visible);
        submittedByDurant(secret);
        submittedByDurant(notForPatient);
        assertEquals(Set.of(uniqueId(visible, 0), uniqueId(secret, 0), uniqueId(notForPatient, 0)),
                seesOverSoapAndFhir(Vihf.doctor(child)), "the professional's side is unchanged");

        PatientPortalClient onChild = portal.onProfile(profileId);
        List<Map<String, Object>> documents = onChild.list("/me/documents", token);
        assertEquals(Set.of(uniqueId(visible, 0)), uniqueIds(documents),
                "never INVISIBLE_REPRESENTANTS_LEGAUX nor INVISIBLE_PATIENT for a representative");
        assertEquals(Set.of(), uniqueIds(portal.list("/me/documents", token)), "the parent's own record is apart");
        assertEquals(200, onChild.bytes("/me/documents/" + documents.get(0).get("id") + "/content", token)
                .statusCode());
        String secretId = new XdsClient(producer, port).as(Vihf.doctor(child)).query(find()).getDocumentEntries()
                .stream().filter(e -> uniqueId(secret, 0).equals(e.getUniqueId())).findFirst().orElseThrow()
                .getEntryUuid().substring("urn:uuid:".length());
        assertError(onChild.get("/me/documents/" + secretId + "/content", token), 404, "UNKNOWN_DOCUMENT",
                "documentId");
        assertEquals(child, onChild.get("/me", token).ok().get("ins"));

        // the professionals' list and the emergency switches of the child's record
        Vihf petit = Vihf.doctor(child).asOtherDoctor();
        onChild.post("/me/professionals/" + Vihf.OTHER_DOCTOR + "/block", Map.of(), token).ok();
        soapRefuses(petit, "PS_BLOCKED");
        fhirRefuses(petit, "PS_BLOCKED", 403);
        Vihf breakGlass = Vihf.doctor(child).as("810009999999", "MARTIN, Paul", Vihf.MEDECIN,
                Vihf.MEDECINE_GENERALE).withMode(AccessMode.BREAK_GLASS).withJustification(EMERGENCY);
        onChild.put("/me/emergency-access", Map.of("breakGlassAccess", false), token).ok();
        soapRefuses(breakGlass, "BREAK_GLASS_DISABLED");
        fhirRefuses(breakGlass, "BREAK_GLASS_DISABLED", 403);
        assertEquals("true", portal.get("/me/emergency-access", token).ok().get("breakGlassAccess"),
                "the parent's own switches are untouched");

        // every step in the child's history, with the representative as the actor
        List<Map<String, Object>> history = historyLines(onChild, token);
        String parentName = "Test PATIENT-" + parent.substring(9);
        assertActor(history, "child's profile attached to the legal representative " + parent + " (" + parentName
                + ")", parent);
        assertActor(history, "professional " + Vihf.OTHER_DOCTOR + " blocked by the patient",
                parent);
        assertTrue(history.stream().anyMatch(l -> String.valueOf(l.get("detail")).startsWith("document "
                + uniqueId(visible, 0) + " downloaded") && parent.equals(l.get("actorId"))), history::toString);
        assertTrue(history.stream().anyMatch(l -> String.valueOf(l.get("detail")).startsWith("Mon espace santé "
                + "activated") && parent.equals(l.get("actorId"))), history::toString);
        assertTrue(history.stream().anyMatch(l -> String.valueOf(l.get("documentIds")).contains(uniqueId(visible, 0))),
                history::toString);
        assertTrue(history.stream().noneMatch(l -> String.valueOf(l.get("documentIds")).contains(uniqueId(secret, 0))
                        || String.valueOf(l.get("documentIds")).contains(uniqueId(notForPatient, 0))),
                "the history does not name the documents withheld from the representative: " + history);
        assertFalse(historyDetails(token).stream().anyMatch(d -> d.contains("blocked")),
                "the parent's own history is apart");

        assertError(portal.onProfile("inconnu").get("/me/documents", token), 404, "UNKNOWN_PROFILE",
                "Patient-Profile");
        assertError(onChild.get("/me/documents", null), 401, "UNAUTHENTICATED", "Authorization");
    }

    // ------------------------------------------------------------------ the second representative

    @Test
    void theProfileIsSharedWithASecondRepresentativeWhoHasActivatedTheirAccountAndAcceptsTheInvitation() {
        String parent = ins;
        String child = TestPatients.newIns();
        String profileId = attachedChild(child, today().minusYears(5));
        String second = TestPatients.newIns();
        String secondEmail = "second." + second + "@example.org";
        String secondSerial = "03024576124" + second.substring(13);
        admin.createPatient(second, PatientRecordState.NOTIFIED, "MICHEL", "Paul", "1982-03-04");
        admin.notifyRecord(second, secondEmail, "+33611223344", secondSerial, "EMAIL");
        Map<String, Object> sharing = new HashMap<>(Map.of("familyName", "Michel", "givenName", "paul",
                "birthDate", "1982-03-04", "nir", second, "legalRepresentative", true));

        Answer notActivated = portal.post("/profiles/" + profileId + "/sharing", sharing, token);
        assertError(notActivated, 409, "STATE_CONFLICT", "nir");
        assertTrue(notActivated.get("message").contains("doit avoir activé son profil Mon espace santé"),
                notActivated.text());
        String secondIdentifier = "second" + second.substring(9);
        activateAnother(second, secondSerial, secondEmail, code(mailTo(secondEmail, 1).get(0)), secondIdentifier);
        String secondToken = loginAnother(secondIdentifier, secondEmail);

        Map<String, Object> undeclared = new HashMap<>(sharing);
        undeclared.put("legalRepresentative", false);
        assertError(portal.post("/profiles/" + profileId + "/sharing", undeclared, token), 400, "INVALID_FIELD",
                "legalRepresentative");
        Map<String, Object> wrongBirth = new HashMap<>(sharing);
        wrongBirth.put("birthDate", "1982-03-05");
        assertError(portal.post("/profiles/" + profileId + "/sharing", wrongBirth, token), 404, "UNKNOWN_ACCOUNT",
                "nir");
        Map<String, Object> badDate = new HashMap<>(sharing);
        badDate.put("birthDate", "04/03/1982");
        assertError(portal.post("/profiles/" + profileId + "/sharing", badDate, token), 400, "INVALID_FIELD",
                "birthDate");
        assertError(portal.post("/profiles/inconnu/sharing", sharing, token), 404, "UNKNOWN_PROFILE", "profileId");

        Answer invited = portal.post("/profiles/" + profileId + "/sharing", sharing, token);
        assertEquals(201, invited.status(), invited.text());
        assertEquals("INVITED", invited.get("status"));
        String invitation = invited.get("id");
        assertError(portal.post("/profiles/" + profileId + "/sharing", sharing, token), 409, "STATE_CONFLICT", "nir");
        await().atMost(TIMEOUT).until(() -> MAIL.receivedBy(secondEmail).stream()
                .anyMatch(m -> m.subject().contains("partage avec vous le profil de Lola")));
        MailServer.ReceivedMail mail = MAIL.receivedBy(secondEmail).stream()
                .filter(m -> m.subject().contains("partage avec vous le profil de Lola")).findFirst().orElseThrow();
        assertTrue(mail.body().contains("représentant légal"), mail.body());

        List<Map<String, Object>> waiting = portal.list("/profiles", secondToken);
        assertEquals("INVITED", waiting.get(0).get("status"));
        assertEquals("Test PATIENT-" + parent.substring(9), waiting.get(0).get("invitedBy"));
        assertError(portal.onProfile(invitation).get("/me/documents", secondToken), 404, "UNKNOWN_PROFILE",
                "Patient-Profile");
        assertError(portal.post("/profiles/" + invitation + "/acceptance", Map.of(), token), 404, "UNKNOWN_PROFILE",
                "profileId");
        Answer accepted = portal.post("/profiles/" + invitation + "/acceptance", Map.of(), secondToken).ok();
        assertEquals("ACTIVE", accepted.get("status"));
        assertEquals(2, portal.list("/profiles", token).get(0).get("representatives") instanceof List<?> l
                ? l.size() : 0);

        ins = child;
        admin.authorise(child, Vihf.DURANT, "DURANT Romuald", false);
        ProvideAndRegisterDocumentSet visible = SampleSubmissions.single(child, SampleSubmissions.text("Bilan"));
        ProvideAndRegisterDocumentSet secret = marked(child, "INVISIBLE_REPRESENTANTS_LEGAUX",
                "Non visible par les représentants légaux");
        submittedByDurant(visible);
        submittedByDurant(secret);
        PatientPortalClient secondOnChild = portal.onProfile(invitation);
        List<Map<String, Object>> documents = secondOnChild.list("/me/documents", secondToken);
        assertEquals(Set.of(uniqueId(visible, 0)), uniqueIds(documents));
        secondOnChild.put("/me/documents/" + documents.get(0).get("id") + "/visibility", Map.of("hidden", true),
                secondToken).ok();
        assertEquals(Set.of(uniqueId(secret, 0)), seesOverSoapAndFhir(Vihf.doctor(child).asOtherDoctor()
                .withMode(AccessMode.BREAK_GLASS).withJustification(EMERGENCY)),
                "hidden from professionals by the second representative");

        List<Map<String, Object>> history = historyLines(portal.onProfile(profileId), token);
        assertActor(history, "child's profile shared with the second legal representative " + second
                + " (Paul MICHEL), legal representative declared; invitation sent", parent);
        assertActor(history, "invitation accepted: the child's profile is shared with the legal representative "
                + second + " (Paul MICHEL)", second);
        assertTrue(history.stream().anyMatch(l -> String.valueOf(l.get("detail")).startsWith("document "
                + uniqueId(visible, 0) + " hidden from professionals") && second.equals(l.get("actorId"))),
                history::toString);
    }

    // ------------------------------------------------------------------ majority, opposition

    @Test
    void theRepresentativesAccessEndsAtTheChildsMajorityAndARepresentativeMayOppose() {
        String child = TestPatients.newIns();
        String profileId = attachedChild(child, today().minusYears(18).plusDays(2));
        assertEquals(200, portal.onProfile(profileId).get("/me", token).status());

        String adult = TestPatients.newIns();
        String adultCode = notifiedChild(adult, today().minusYears(18));
        assertError(portal.post("/profiles", childActivation(adultCode, ins, serial), token), 400, "INVALID_FIELD",
                "code");

        String opposed = TestPatients.newIns();
        Answer opposition = portal.post("/profiles", withDecision(childActivation(notifiedChild(opposed,
                today().minusYears(3)), ins, serial), "OPPOSE"), token);
        assertEquals(200, opposition.status(), opposition.text());
        assertEquals("OPPOSED", opposition.get("state"));
        assertEquals(null, opposition.get("id"));
        assertEquals("OPPOSED", recordState(opposed));
        String parent = ins;
        ins = opposed;
        professionalGets("DMP_OPPOSED", 410);
        ins = parent;

        clock.advance(Duration.ofDays(3));
        String identifier = "dossier" + ins.substring(9);
        token = login(identifier, "EMAIL");
        Answer ended = portal.onProfile(profileId).get("/me", token);
        assertError(ended, 403, "PROFILE_ENDED", "Patient-Profile");
        assertTrue(ended.get("message").contains("majeur"), ended.text());
        List<Map<String, Object>> profiles = portal.list("/profiles", token);
        assertEquals("MAJORITY", profiles.stream().filter(p -> profileId.equals(p.get("id"))).findFirst()
                .orElseThrow().get("status"));

        // the young adult takes their profile over: a new provisional code (to the e-mail of the profile,
        // the representative's), then the journey with an identifier and a password of their own
        String childSerial = "02024576124" + child.substring(13);
        String subject = "Mon espace santé : votre code provisoire";
        long codes = MAIL.receivedBy(email).stream().filter(m -> subject.equals(m.subject())).count();
        portal.post("/provisional-code", Map.of("nir", child, "cardType", "WITHOUT_PHOTO", "serialNumber",
                childSerial)).ok();
        await().atMost(TIMEOUT).until(() -> MAIL.receivedBy(email).stream()
                .filter(m -> subject.equals(m.subject())).count() > codes);
        List<MailServer.ReceivedMail> codeMails = MAIL.receivedBy(email).stream()
                .filter(m -> subject.equals(m.subject())).toList();
        String youngAdult = "lola" + child.substring(9);
        activateAnother(child, childSerial, email, "+33699887766", code(codeMails.get(codeMails.size() - 1)),
                youngAdult);
        String own = loginAnother(youngAdult, email);
        Answer me = portal.get("/me", own).ok();
        assertEquals(child, me.get("ins"));
        assertEquals(youngAdult, me.get("identifier"));
        assertTrue(historyDetails(own).stream().anyMatch(d -> d.startsWith("Mon espace santé taken over by its "
                + "holder come of age")), () -> historyDetails(own).toString());
        assertError(portal.onProfile(profileId).get("/me", token), 403, "PROFILE_ENDED", "Patient-Profile");
    }

    // ------------------------------------------------------------------ the notification e-mail

    @Test
    void theNotificationEmailChangesOnceTheCodeSentToTheNewAddressIsConfirmed() {
        String newAddress = "nouvelle." + ins + "@example.org";
        assertError(portal.put("/me/notification-email", Map.of("email", "pas-une-adresse"), token), 400,
                "INVALID_FIELD", "email");
        assertError(portal.put("/me/notification-email", Map.of("email", email), token), 400, "INVALID_FIELD",
                "email");
        assertError(portal.post("/me/notification-email/confirmation", Map.of("emailCode", "123456"), token), 409,
                "STEP_OUT_OF_ORDER", "emailCode");
        assertError(portal.put("/me/notification-email", Map.of("email", newAddress), null), 401, "UNAUTHENTICATED",
                "Authorization");

        Answer sent = portal.put("/me/notification-email", Map.of("email", newAddress), token);
        assertEquals(202, sent.status(), sent.text());
        assertEquals("EMAIL", sent.get("channel"));
        assertFalse(sent.get("sentTo").contains(newAddress), "masked: " + sent.text());
        String subject = "Mon espace santé : votre code à usage unique";
        await().atMost(TIMEOUT).until(() -> MAIL.receivedBy(newAddress).stream()
                .anyMatch(m -> subject.equals(m.subject())));
        String code = oneTimeCode(MAIL.receivedBy(newAddress).stream().filter(m -> subject.equals(m.subject()))
                .findFirst().orElseThrow().body());
        Answer wrong = portal.post("/me/notification-email/confirmation",
                Map.of("emailCode", code.equals("000000") ? "111111" : "000000"), token);
        assertError(wrong, 401, "WRONG_ONE_TIME_CODE", "emailCode");
        assertTrue(wrong.get("message").contains("il vous reste"), wrong.text());
        assertEquals(email, portal.get("/me", token).ok().get("email"), "unchanged until confirmed");

        Answer confirmed = portal.post("/me/notification-email/confirmation", Map.of("emailCode", code), token).ok();
        assertEquals(newAddress, confirmed.get("email"));
        assertEquals(newAddress, portal.get("/me", token).ok().get("email"));

        // the professional's side is unchanged; the patient's notification now goes to the new address
        ProvideAndRegisterDocumentSet pnr = SampleSubmissions.single(ins, SampleSubmissions.text(REPORT));
        submittedByDurant(pnr);
        await().atMost(TIMEOUT).until(() -> MAIL.receivedBy(newAddress).stream()
                .anyMatch(m -> !subject.equals(m.subject())));
        assertTrue(seesOverSoapAndFhir(durant).contains(uniqueId(pnr, 0)));
        List<String> history = historyDetails(token);
        assertTrue(history.contains("notification e-mail change requested; one-time code sent to the new address"),
                history::toString);
        assertTrue(history.contains("notification e-mail changed by the patient, confirmed with the one-time code "
                + "sent to the new address"), history::toString);
    }

    // ------------------------------------------------------------------ helpers

    LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), PARIS);
    }

    /** A child's record (Lola MICHEL) notified with its provisional code to an address of its own: the code. */
    String notifiedChild(String child, LocalDate birthDate) {
        admin.createPatient(child, PatientRecordState.NOTIFIED, "MICHEL", "Lola", birthDate.toString());
        String address = "enfant." + child + "@example.org";
        admin.notifyRecord(child, address, "+33699887766", "02024576124" + child.substring(13), "EMAIL");
        return code(mailTo(address, 1).get(0));
    }

    /** The child's profile activated by the signed-in representative: its profile id. */
    String attachedChild(String child, LocalDate birthDate) {
        Answer added = portal.post("/profiles", childActivation(notifiedChild(child, birthDate), ins, serial), token);
        assertEquals(201, added.status(), added.text());
        assertNotNull(added.get("id"));
        return added.get("id");
    }

    static Map<String, Object> childActivation(String code, String nir, String serialNumber) {
        return new HashMap<>(Map.of("code", code, "cardType", "WITHOUT_PHOTO", "nir", nir,
                "serialNumber", serialNumber, "decision", "ACTIVATE", "termsAccepted", true,
                "legalRepresentative", true));
    }

    static Map<String, Object> withDecision(Map<String, Object> body, String decision) {
        body.put("decision", decision);
        return body;
    }

    static ProvideAndRegisterDocumentSet marked(String patient, String code, String display) {
        ProvideAndRegisterDocumentSet pnr = SampleSubmissions.single(patient, SampleSubmissions.text(display));
        pnr.getDocuments().get(0).getDocumentEntry().getConfidentialityCodes().add(SampleSubmissions.code(code,
                display, VISIBILITY_OID));
        return pnr;
    }

    /** Another adult's login with the one-time code e-mailed to {@code address}: the bearer token. */
    String loginAnother(String identifier, String address) {
        String subject = "Mon espace santé : votre code à usage unique";
        long before = MAIL.receivedBy(address).stream().filter(m -> subject.equals(m.subject())).count();
        String challenge = portal.post("/login", Map.of("identifier", identifier, "password", PASSWORD,
                "channel", "EMAIL")).ok().get("challenge");
        await().atMost(TIMEOUT).until(() -> MAIL.receivedBy(address).stream()
                .filter(m -> subject.equals(m.subject())).count() > before);
        List<MailServer.ReceivedMail> codes = MAIL.receivedBy(address).stream()
                .filter(m -> subject.equals(m.subject())).toList();
        return portal.post("/login/confirmation", Map.of("challenge", challenge,
                "code", oneTimeCode(codes.get(codes.size() - 1).body()))).ok().get("token");
    }

    String recordState(String patient) {
        try {
            return String.valueOf(JSON.readValue(admin.record(patient), Map.class).get("state"));
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    static List<Map<String, Object>> historyLines(PatientPortalClient client, String bearer) {
        try {
            return JSON.readValue(client.get("/me/history", bearer).ok().text(), new TypeReference<>() {
            });
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    static void assertActor(List<Map<String, Object>> history, String detail, String actorId) {
        Map<String, Object> line = history.stream().filter(l -> detail.equals(l.get("detail"))).findFirst()
                .orElseThrow(() -> new AssertionError("no line '" + detail + "' in " + history));
        assertEquals(actorId, line.get("actorId"), line::toString);
        assertTrue(String.valueOf(line.get("actorName")).contains("PATIENT-") || String.valueOf(line.get("actorName"))
                .contains("MICHEL"), line::toString);
    }
}
