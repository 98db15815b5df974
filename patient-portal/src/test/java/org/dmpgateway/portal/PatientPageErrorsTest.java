package org.dmpgateway.portal;

import org.dmpgateway.model.account.AccountErrorCode;
import org.dmpgateway.model.account.AccountException;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** How a page shows the core's refusal, and the French dates and history labels of the pages. */
class PatientPageErrorsTest {

    @Test
    void theCoresMessageIsShownWithTheFieldsLabelInsteadOfItsJsonName() {
        PatientPageErrors errors = PatientPageErrors.of(new AccountException(AccountErrorCode.INVALID_FIELD,
                "serialNumber", "serialNumber : pour une carte Vitale avec photo, saisissez les 11 derniers chiffres."));
        PatientPageErrors.Line line = errors.lines().get(0);
        assertEquals("serialNumber", line.field(), "the summary links to #serialNumber");
        assertEquals("Numéro de série de la carte Vitale", line.label());
        assertEquals("pour une carte Vitale avec photo, saisissez les 11 derniers chiffres.", line.message());
        assertTrue(errors.has("serialNumber"));
        assertFalse(errors.has("nir"));
        assertNull(errors.message("nir"));
    }

    @Test
    void aPageGivesTheLabelsOfItsOwnFields() {
        // the medical profile's vaccination form: "name" is the vaccine, "detail" the lot number
        PatientPageErrors errors = PatientPageErrors.of(new AccountException(AccountErrorCode.INVALID_FIELD,
                "detail", "detail : 100 caractères au plus."), Map.of("name", "Vaccin",
                "detail", "Numéro de lot"));
        assertEquals("Numéro de lot", errors.lines().get(0).label());
        assertEquals("detail", errors.lines().get(0).field());
        assertEquals("Numéro de série de la carte Vitale", PatientPageErrors.of(new AccountException(
                AccountErrorCode.INVALID_FIELD, "serialNumber", "serialNumber : x"), Map.of("name", "Vaccin"))
                .lines().get(0).label(), "the common labels still apply");
    }

    @Test
    void aRefusalWithoutAFieldOnThePageIsShownWithoutALink() {
        PatientPageErrors errors = PatientPageErrors.of(new AccountException(AccountErrorCode.JOURNEY_UNKNOWN,
                "journey", "journey : ce parcours n'existe pas ou a expiré ; recommencez avec votre code provisoire."));
        PatientPageErrors.Line line = errors.lines().get(0);
        assertNull(line.field());
        assertEquals("ce parcours n'existe pas ou a expiré ; recommencez avec votre code provisoire.", line.message());
    }

    @Test
    void datesInParisTimeAndTheHistoryInFrench() {
        PatientPageFormat format = new PatientPageFormat();
        assertEquals("02/12/2026 à 10:15", format.instant(Instant.parse("2026-12-02T09:15:00Z")));
        assertEquals("15/07/2026 à 11:00", format.instant(Instant.parse("2026-07-15T09:00:00Z")), "summer time");
        assertEquals("", format.instant(null));
        assertEquals("20/11/2025", format.xdsDay("20251120101500"));
        assertEquals("2025", format.xdsDay("2025"));
        assertEquals("Recherche de documents (accès en urgence, bris de glace)", format.action("QUERY", "BREAK_GLASS"));
        assertEquals("Lecture d'un document", format.action("RETRIEVE", "NORMAL"));
        assertEquals("Refusé (PS_BLOCKED)", format.outcome("PS_BLOCKED"));
        assertEquals("Accepté", format.outcome("SUCCESS"));
    }
}
