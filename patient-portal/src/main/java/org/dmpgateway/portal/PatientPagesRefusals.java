package org.dmpgateway.portal;

import jakarta.servlet.http.HttpServletResponse;
import org.dmpgateway.model.account.AccountException;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;

/**
 * A refusal of the core that the profiles' and messages' pages do not show beside a form (an
 * unknown conversation or message, a profile not the representative's): a page of the space with
 * the core's message, in French, and the status the JSON API answers; never a stack trace.
 */
@ControllerAdvice(assignableTypes = {PatientPagesProfiles.class, PatientPagesMessages.class})
class PatientPagesRefusals {

    @ExceptionHandler(AccountException.class)
    String refused(AccountException refusal, Model model, HttpServletResponse response) {
        PatientPageErrors.show(refusal, model, response);
        return "patient/espace-refus";
    }
}
