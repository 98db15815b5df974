package org.dmpgateway.portal;

import org.springframework.stereotype.Component;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Map;

/**
 * How the pages write dates and the history's actions in French (bean {@code patientPages}, called
 * from the templates as {@code ${@patientPages.instant(...)}}). Presentation only.
 */
@Component("patientPages")
public class PatientPageFormat {
    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("dd/MM/yyyy 'à' HH:mm");
    private static final Map<String, String> ACTIONS = Map.ofEntries(
            Map.entry("SUBMIT", "Ajout de documents"),
            Map.entry("QUERY", "Recherche de documents"),
            Map.entry("RETRIEVE", "Lecture d'un document"),
            Map.entry("UPDATE", "Modification d'un document"),
            Map.entry("DELETE", "Suppression d'un document"),
            Map.entry("AUTHORIZE", "Autorisation d'accès"),
            Map.entry("REVOKE_AUTHORIZATION", "Retrait d'autorisation"),
            Map.entry("STATUS_CHECK", "Vérification de l'état de Mon espace santé"),
            Map.entry("READ_TRACES", "Consultation de l'historique"),
            Map.entry("ADMINISTRATION", "Administration"),
            Map.entry("ACCOUNT", "Mon espace santé"),
            Map.entry("LIST_PROFESSIONALS", "Liste des professionnels"),
            Map.entry("UPDATE_RECORD", "Modification de Mon espace santé"),
            Map.entry("CLOSE_RECORD", "Clôture de Mon espace santé"));
    private static final Map<String, String> MODES = Map.of(
            "BREAK_GLASS", "accès en urgence, bris de glace",
            "SAMU_REGULATION", "accès par le SAMU (centre 15)");

    /** An instant in Paris time, "02/12/2026 à 09:15"; empty for none. */
    public String instant(Instant instant) {
        return instant == null ? "" : DATE_TIME.format(instant.atZone(PARIS));
    }

    /** An XDS date-time (yyyyMMdd[HHmm...], UTC) as the day, "02/12/2026"; as it is when shorter. */
    public String xdsDay(String value) {
        if (value == null || value.length() < 8) {
            return value == null ? "" : value;
        }
        return value.substring(6, 8) + "/" + value.substring(4, 6) + "/" + value.substring(0, 4);
    }

    /** A history line's action in French, with its access mode when not the normal one. */
    public String action(String action, String mode) {
        String label = ACTIONS.getOrDefault(action, action);
        String special = mode == null ? null : MODES.get(mode);
        return special == null ? label : label + " (" + special + ")";
    }

    /** A history line's outcome: "Accepté", or "Refusé" with the refusal's code. */
    public String outcome(String outcome) {
        return "SUCCESS".equals(outcome) ? "Accepté" : "Refusé (" + outcome + ")";
    }
}
