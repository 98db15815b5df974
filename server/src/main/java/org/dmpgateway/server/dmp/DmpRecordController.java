package org.dmpgateway.server.dmp;

import org.dmpgateway.model.Core;
import org.dmpgateway.model.access.AccessContext;
import org.dmpgateway.model.access.AuthorizationDeclaration;
import org.dmpgateway.model.access.RecordStatus;
import org.dmpgateway.model.error.DmpError;
import org.dmpgateway.model.error.DmpErrorCode;
import org.dmpgateway.model.error.DmpException;
import org.dmpgateway.identity.VihfReader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.dmpgateway.mappings.IdentityWords;
import org.dmpgateway.mappings.http.HttpErrorMapper;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.Locale;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * The professional's software asks about a record (TD0.2) and declares the patient's
 * authorisation (TD0.3), over plain REST/JSON. The caller is the VIHF sent as
 * {@code Authorization: IHE-SAML <base64 of the assertion XML>}, read (and, with
 * dmp.vihf.require-signature, verified) by {@link VihfReader}; the patient is the VIHF's resource-id.
 * <ul>
 *   <li>{@code GET /dmp/status}: the record's state and the caller's standing ({@link RecordStatus});</li>
 *   <li>{@code PUT /dmp/authorization}: the patient authorised the caller; answers the new status;</li>
 *   <li>{@code DELETE /dmp/authorization}: the authorisation is withdrawn; answers the new status.</li>
 * </ul>
 * Refusals are {@code {"code": "<DmpErrorCode>", "message": "..."}}: 401 when the identity header is
 * missing or its VIHF invalid or untrusted; from the core, 403 for the policy refusals, 410 for a
 * closed or opposed record, 404 for an unknown patient or record, 400 for a malformed INS or identity, or a
 * patient mismatch; 500 with a log reference for anything unexpected.
 */
@RestController
@RequestMapping(path = "/dmp", produces = MediaType.APPLICATION_JSON_VALUE)
public class DmpRecordController {
    private static final Logger LOG = LoggerFactory.getLogger(DmpRecordController.class);

    /** The authorization scheme of the VIHF. */
    public static final String SCHEME = "IHE-SAML";

    /** The JSON body of every refusal. */
    public record ErrorBody(String code, String message) {
    }

    /** The identity header is missing, or its VIHF is not acceptable: always 401. */
    static final class IdentityRefused extends RuntimeException {
        private final transient DmpException refusal;

        IdentityRefused(DmpException cause) {
            super(cause.getMessage(), cause);
            this.refusal = cause;
        }
    }

    private final VihfReader vihf;
    private final Core core;

    public DmpRecordController(VihfReader vihf, Core core) {
        this.vihf = vihf;
        this.core = core;
    }

    @GetMapping("/status")
    public RecordStatus status(@RequestHeader(value = HttpHeaders.AUTHORIZATION, required = false) String authorization) {
        return core.recordStatus(null, identity(authorization));
    }

    @PutMapping("/authorization")
    public RecordStatus declareAuthorization(
            @RequestHeader(value = HttpHeaders.AUTHORIZATION, required = false) String authorization) {
        return core.declareAuthorization(new AuthorizationDeclaration(true), identity(authorization));
    }

    @DeleteMapping("/authorization")
    public RecordStatus withdrawAuthorization(
            @RequestHeader(value = HttpHeaders.AUTHORIZATION, required = false) String authorization) {
        return core.declareAuthorization(new AuthorizationDeclaration(false), identity(authorization));
    }

    // ------------------------------------------------------------------ identity

    private AccessContext identity(String authorization) {
        String prefix = SCHEME.toLowerCase(Locale.ROOT) + " ";
        if (authorization == null || !authorization.toLowerCase(Locale.ROOT).startsWith(prefix)) {
            throw new IdentityRefused(new DmpException(DmpErrorCode.IDENTITY_MISSING,
                    "the request carries no VIHF: send it as 'Authorization: " + SCHEME
                            + " <base64 of the saml2:Assertion XML>'"));
        }
        try {
            return vihf.readBase64(authorization.substring(prefix.length()));
        } catch (DmpException e) {
            throw new IdentityRefused(e);
        }
    }

    // ------------------------------------------------------------------ refusals

    @ExceptionHandler(IdentityRefused.class)
    ResponseEntity<ErrorBody> identityRefused(IdentityRefused e) {
        LOG.info("/dmp request without an acceptable identity: {}", e.refusal.getMessage());
        return ResponseEntity.status(HttpStatus.UNAUTHORIZED).header(HttpHeaders.WWW_AUTHENTICATE, SCHEME)
                .contentType(MediaType.APPLICATION_JSON).body(body(e.refusal));
    }

    @ExceptionHandler(DmpException.class)
    ResponseEntity<ErrorBody> refused(DmpException e) {
        LOG.info("/dmp request refused: {}", e.getMessage());
        return ResponseEntity.status(statusOf(e.code())).contentType(MediaType.APPLICATION_JSON).body(body(e));
    }

    @ExceptionHandler(IllegalStateException.class)
    ResponseEntity<ErrorBody> failed(IllegalStateException e) {
        String reference = UUID.randomUUID().toString();
        LOG.error("/dmp request failed unexpectedly (ref {})", reference, e);
        return ResponseEntity.status(HttpStatus.INTERNAL_SERVER_ERROR).contentType(MediaType.APPLICATION_JSON)
                .body(new ErrorBody(DmpErrorCode.INTERNAL_ERROR.name(),
                        "internal error, reference " + reference + " in the server log"));
    }

    /** The HTTP status of a refusal by the core ({@link HttpErrorMapper}). */
    static HttpStatus statusOf(DmpErrorCode code) {
        return HttpStatus.valueOf(HttpErrorMapper.status(code));
    }

    private static ErrorBody body(DmpException e) {
        // the identity fields the core's refusals point at, as the VIHF names them
        return new ErrorBody(e.code().name(), e.errors().stream().map(IdentityWords.VIHF::render).map(DmpError::message)
                .collect(Collectors.joining("; ")));
    }
}
