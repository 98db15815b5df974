package org.dmpgateway.portal;

import jakarta.servlet.http.HttpServletResponse;
import org.dmpgateway.model.account.AccountException;
import org.springframework.ui.Model;

import java.util.HashMap;
import java.util.Map;

/** What the pages' controllers share about a form: the refusal shown again with what was typed. */
final class PatientPageForms {
    /** The model attribute of the values typed. */
    static final String FORM = "form";

    private PatientPageForms() {
    }

    static String refused(AccountException refusal, String view, Map<String, String> typed, Model model,
                          HttpServletResponse response) {
        PatientPageErrors.show(refusal, model, response);
        model.addAttribute(FORM, typed);
        return view;
    }

    /** What the patient typed, to show again (never a password nor the CSRF token). */
    static Map<String, String> typed(Map<String, String> form) {
        Map<String, String> typed = new HashMap<>(form);
        typed.keySet().removeIf(k -> k.startsWith("password") || k.startsWith("_"));
        return typed;
    }

    static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }

    static String nullToEmpty(String value) {
        return value == null ? "" : value;
    }
}
