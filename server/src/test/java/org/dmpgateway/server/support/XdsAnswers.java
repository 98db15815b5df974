package org.dmpgateway.server.support;

import org.openehealth.ipf.commons.ihe.xds.core.responses.ErrorCode;
import org.openehealth.ipf.commons.ihe.xds.core.responses.ErrorInfo;
import org.openehealth.ipf.commons.ihe.xds.core.responses.Response;
import org.openehealth.ipf.commons.ihe.xds.core.responses.Status;

import java.util.List;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The assertions on an XDS answer (IPF's {@link Response}) the end-to-end suites share: success,
 * and the refusals as the gateway writes them (a standard IHE errorCode, or {@code _USER_DEFINED}
 * with the DMP code as the custom code; a codeContext starting with {@code DMP_CODE:}).
 */
public final class XdsAnswers {
    private XdsAnswers() {
    }

    /** The errors of an answer, one line each, for an assertion's message. */
    public static String describe(List<ErrorInfo> errors) {
        return errors.stream().map(e -> e.getErrorCode() + "/" + e.getCustomErrorCode() + " " + e.getCodeContext())
                .collect(Collectors.joining("; "));
    }

    public static void assertSuccess(Response r) {
        assertEquals(Status.SUCCESS, r.getStatus(), () -> "errors: " + describe(r.getErrors()));
    }

    /** The answer, once asserted successful. */
    public static <T extends Response> T success(T r) {
        assertSuccess(r);
        return r;
    }

    /** The request failed with exactly one error, of this standard code. */
    public static ErrorInfo refused(Response r, ErrorCode code) {
        assertEquals(Status.FAILURE, r.getStatus(), () -> "expected " + code + ", got " + r.getStatus());
        assertEquals(1, r.getErrors().size(), () -> describe(r.getErrors()));
        ErrorInfo e = r.getErrors().get(0);
        assertEquals(code, e.getErrorCode(), () -> describe(r.getErrors()));
        return e;
    }

    /**
     * The request failed with exactly one error, the DMP code itself ({@code _USER_DEFINED}, custom
     * code {@code dmpCode}, codeContext {@code dmpCode: ...}).
     */
    public static ErrorInfo refusedWith(Response r, String dmpCode) {
        assertEquals(Status.FAILURE, r.getStatus(), "the request should have been refused");
        assertEquals(1, r.getErrors().size(), () -> "errors: " + describe(r.getErrors()));
        ErrorInfo error = r.getErrors().get(0);
        assertEquals(ErrorCode._USER_DEFINED, error.getErrorCode());
        assertEquals(dmpCode, error.getCustomErrorCode());
        assertTrue(error.getCodeContext().startsWith(dmpCode + ": "), error.getCodeContext());
        return error;
    }

    /**
     * The request failed with this DMP code: in the codeContext always, and as the errorCode itself
     * for the DMP-specific codes ({@code standard} null), or the given standard IHE code.
     */
    public static ErrorInfo assertRefused(Response r, String dmpCode, ErrorCode standard) {
        assertEquals(Status.FAILURE, r.getStatus(), () -> "expected " + dmpCode + ", got " + r.getStatus() + " "
                + describe(r.getErrors()));
        ErrorInfo e = r.getErrors().stream().filter(x -> x.getCodeContext() != null
                        && x.getCodeContext().startsWith(dmpCode + ":")).findFirst()
                .orElseThrow(() -> new AssertionError("no " + dmpCode + " in " + describe(r.getErrors())));
        if (standard == null) {
            assertEquals(ErrorCode._USER_DEFINED, e.getErrorCode());
            assertEquals(dmpCode, e.getCustomErrorCode(), "the errorCode is the DMP code itself");
        } else {
            assertEquals(standard, e.getErrorCode());
        }
        return e;
    }

    /** {@link #assertRefused(Response, String, ErrorCode)} for a DMP-specific code. */
    public static ErrorInfo assertRefused(Response r, String dmpCode) {
        return assertRefused(r, dmpCode, null);
    }

    /** The request failed with (at least) an error of this standard code whose codeContext starts with the DMP code. */
    public static ErrorInfo assertFailure(Response response, ErrorCode expected, String dmpCode) {
        assertEquals(Status.FAILURE, response.getStatus(), "the request should have failed");
        ErrorInfo error = response.getErrors().stream().filter(e -> e.getErrorCode() == expected).findFirst()
                .orElseThrow(() -> new AssertionError("no " + expected + " in " + describe(response.getErrors())));
        assertNotNull(error.getCodeContext());
        assertTrue(error.getCodeContext().startsWith(dmpCode + ":"),
                () -> "codeContext should start with the DMP code " + dmpCode + ": " + error.getCodeContext());
        return error;
    }
}
