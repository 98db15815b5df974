package org.dmpgateway.mappings;

import org.dmpgateway.model.error.DmpError;
import org.dmpgateway.model.error.DmpErrorCode;
import org.dmpgateway.model.error.IdentityField;

import java.util.Map;

/**
 * How a protocol names what the core's refusals point at: the identity fields
 * ({@link IdentityField}, which the core names neutrally) and the service that declares the
 * patient's authorisation (TD0.3, named in a PS_NOT_AUTHORIZED refusal). The core says what is
 * missing; each adapter's error mapping adds the name its callers send.
 */
public enum IdentityWords {
    /** The VIHF (SAML assertion) of the SOAP endpoints and of {@code /dmp}. */
    VIHF("VIHF attribute", Map.of(
            IdentityField.SUBJECT_ROLE, "urn:oasis:names:tc:xacml:2.0:subject:role",
            IdentityField.PATIENT, "urn:oasis:names:tc:xacml:2.0:resource:resource-id",
            IdentityField.ACCESS_MODE, "urn:oasis:names:tc:xspa:1.0:subject:purposeofuse",
            IdentityField.ACCESS_REASON, "Mode_Acces_Raison")),
    /** The bearer token (JWT) of the FHIR endpoints. */
    TOKEN("token claim", Map.of(
            IdentityField.SUBJECT_ROLE, "subject_role",
            IdentityField.PATIENT, "resource_id",
            IdentityField.ACCESS_MODE, "purpose_of_use",
            IdentityField.ACCESS_REASON, "access_reason"));

    /** Where a professional's software declares the patient's authorisation (TD0.3), for every protocol. */
    public static final String AUTHORIZATION_DECLARATION = "PUT /dmp/authorization";

    private final String kind;
    private final Map<IdentityField, String> names;

    IdentityWords(String kind, Map<IdentityField, String> names) {
        this.kind = kind;
        this.names = names;
    }

    /** The name this protocol gives the field. */
    public String name(IdentityField field) {
        return names.get(field);
    }

    /**
     * The error in this protocol's words: an identity field in the location becomes the protocol's
     * name of it, also added to the message; a PS_NOT_AUTHORIZED refusal says where to declare the
     * authorisation. Any other error is returned as is.
     */
    public DmpError render(DmpError error) {
        IdentityField field = IdentityField.ofLocation(error.location());
        boolean declare = error.code() == DmpErrorCode.PS_NOT_AUTHORIZED;
        if (field == null && !declare) {
            return error;
        }
        String message = error.message();
        String location = error.location();
        if (field != null) {
            location = name(field);
            message = message + " (" + kind + " " + location + ")";
        }
        if (declare) {
            message = message + " (declaration: " + AUTHORIZATION_DECLARATION + ")";
        }
        return new DmpError(error.code(), message, location);
    }
}
