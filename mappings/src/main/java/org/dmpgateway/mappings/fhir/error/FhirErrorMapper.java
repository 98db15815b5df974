package org.dmpgateway.mappings.fhir.error;

import org.dmpgateway.mappings.IdentityWords;
import org.dmpgateway.model.error.DmpError;
import org.dmpgateway.model.error.DmpErrorCode;
import org.dmpgateway.model.error.DmpException;
import org.dmpgateway.mappings.http.HttpErrorMapper;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.OperationOutcome.IssueSeverity;
import org.hl7.fhir.r4.model.OperationOutcome.IssueType;

/**
 * The gateway's errors as FHIR answers (docs/error-codes.md): one OperationOutcome issue per
 * {@link DmpError}, with the gateway code in {@code details.coding} (system {@link #CODE_SYSTEM}), the
 * message in {@code diagnostics} and {@code details.text}, and the field in {@code expression}. The
 * HTTP status is the one of {@link HttpErrorMapper}, the same for every HTTP answer of the gateway.
 */
public final class FhirErrorMapper {
    /** The code system of the gateway's error codes ({@link DmpErrorCode} names). */
    public static final String CODE_SYSTEM = "urn:dmp-gateway:error-code";

    private FhirErrorMapper() {
    }

    public static int status(DmpErrorCode code) {
        return HttpErrorMapper.status(code);
    }

    public static OperationOutcome outcome(DmpException exception) {
        OperationOutcome outcome = new OperationOutcome();
        for (DmpError refusal : exception.errors()) {
            DmpError error = IdentityWords.TOKEN.render(refusal); // the identity fields as the token names them
            OperationOutcome.OperationOutcomeIssueComponent issue = outcome.addIssue()
                    .setSeverity(IssueSeverity.ERROR)
                    .setCode(issueType(error.code()))
                    .setDiagnostics(error.message())
                    .setDetails(new CodeableConcept().setText(error.message()));
            issue.getDetails().addCoding().setSystem(CODE_SYSTEM).setCode(error.code().name());
            if (error.location() != null && !error.location().isBlank()) {
                issue.addExpression(error.location());
            }
        }
        return outcome;
    }

    /** The FHIR issue type (http://hl7.org/fhir/issue-type) of a gateway code. */
    public static IssueType issueType(DmpErrorCode code) {
        return switch (code) {
            case IDENTITY_MISSING -> IssueType.LOGIN;
            case IDENTITY_INVALID, IDENTITY_UNTRUSTED -> IssueType.SECURITY;
            case PS_BLOCKED, PS_NOT_AUTHORIZED, HABILITATION_DENIED, BREAK_GLASS_JUSTIFICATION_MISSING,
                 BREAK_GLASS_DISABLED, SAMU_ACCESS_DISABLED, NOT_AUTHOR, ACCESS_PATIENT_MISMATCH, TRACE_ACCESS_DENIED ->
                    IssueType.FORBIDDEN;
            case DMP_CLOSED, DMP_OPPOSED, METADATA_UPDATE_ERROR, METADATA_UPDATE_OPERATION_ERROR -> IssueType.BUSINESSRULE;
            case UNKNOWN_PATIENT, DMP_UNKNOWN, UNKNOWN_DOCUMENT, UNKNOWN_REPOSITORY -> IssueType.NOTFOUND;
            case DUPLICATE_UNIQUE_ID, DUPLICATE_UNIQUE_ID_IN_MESSAGE -> IssueType.DUPLICATE;
            case DEPRECATED_DOCUMENT, METADATA_VERSION_ERROR -> IssueType.CONFLICT;
            case TOO_MANY_RESULTS, LIMIT_EXCEEDED -> IssueType.TOOCOSTLY;
            case UNKNOWN_STORED_QUERY -> IssueType.NOTSUPPORTED;
            case INTERNAL_ERROR -> IssueType.EXCEPTION;
            default -> IssueType.INVALID;
        };
    }
}
