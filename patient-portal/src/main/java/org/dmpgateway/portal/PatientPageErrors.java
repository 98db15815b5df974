package org.dmpgateway.portal;

import jakarta.servlet.http.HttpServletResponse;
import org.dmpgateway.mappings.http.AccountErrorStatus;
import org.dmpgateway.model.account.AccountException;
import org.springframework.ui.Model;

import java.util.List;
import java.util.Map;

/**
 * The core's refusal as a page shows it: an error summary at the top (each line a link to its
 * field) and the message beside the field. The message is the core's, in French; only its leading
 * "field : " (the JSON field's name) is replaced by the field's label on the page.
 */
final class PatientPageErrors {
    /** The model attribute of the refusal. */
    static final String ATTRIBUTE = "errors";

    private static final Map<String, String> LABELS = Map.ofEntries(
            Map.entry("code", "Le code"),
            Map.entry("cardType", "Ma carte Vitale"),
            Map.entry("nir", "Numéro de sécurité sociale"),
            Map.entry("serialNumber", "Numéro de série de la carte Vitale"),
            Map.entry("decision", "Ma décision"),
            Map.entry("termsAccepted", "Conditions Générales d'Utilisation"),
            Map.entry("email", "Adresse e-mail"),
            Map.entry("mobile", "Numéro de téléphone mobile"),
            Map.entry("emailCode", "Code reçu par e-mail"),
            Map.entry("smsCode", "Code reçu par SMS"),
            Map.entry("identifier", "Identifiant"),
            Map.entry("password", "Mot de passe"),
            Map.entry("passwordConfirmation", "Confirmer le mot de passe"),
            Map.entry("channel", "Mode de réception du code"),
            Map.entry("reason", "Motif de la clôture"),
            Map.entry("actorId", "Professionnel de santé"),
            Map.entry("samuAccess", "Accès du SAMU"),
            Map.entry("breakGlassAccess", "Accès en urgence"),
            Map.entry("maskedDocumentsInEmergency", "Documents masqués en cas d'urgence"),
            Map.entry("legalRepresentative", "Représentant légal"),
            Map.entry("familyName", "Nom de naissance"),
            Map.entry("givenName", "Prénom"),
            Map.entry("birthDate", "Date de naissance"),
            Map.entry("subject", "Objet"),
            Map.entry("text", "Message"));

    /** One refusal: the field it names (the input's id on the page, or null), its label and the message. */
    record Line(String field, String label, String message) {
    }

    private final Line line;

    private PatientPageErrors(Line line) {
        this.line = line;
    }

    static PatientPageErrors of(AccountException refusal) {
        return of(refusal, Map.of());
    }

    /** The refusal with the labels of the page's own fields ({@code labels}, by field) before the common ones. */
    static PatientPageErrors of(AccountException refusal, Map<String, String> labels) {
        String field = refusal.field();
        String message = refusal.getMessage();
        if (field != null && message.startsWith(field + " : ")) {
            message = message.substring(field.length() + 3);
        }
        String label = field == null ? null : labels.getOrDefault(field, LABELS.get(field));
        return new PatientPageErrors(new Line(label == null ? null : field, label, message));
    }

    /** Shows the refusal on the page about to be rendered, with the status the JSON API answers. */
    static void show(AccountException refusal, Model model, HttpServletResponse response) {
        show(refusal, Map.of(), model, response);
    }

    /** As {@link #show(AccountException, Model, HttpServletResponse)}, with the page's own field labels. */
    static void show(AccountException refusal, Map<String, String> labels, Model model, HttpServletResponse response) {
        model.addAttribute(ATTRIBUTE, of(refusal, labels));
        response.setStatus(AccountErrorStatus.status(refusal.code()));
    }

    public List<Line> lines() {
        return List.of(line);
    }

    /** Whether the refusal names this field (the page marks its input invalid). */
    public boolean has(String field) {
        return field.equals(line.field());
    }

    public String message(String field) {
        return has(field) ? line.message() : null;
    }
}
