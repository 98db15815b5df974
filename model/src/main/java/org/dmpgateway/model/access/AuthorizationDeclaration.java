package org.dmpgateway.model.access;

/**
 * TD0.3: the professional's software declares (grant) or withdraws (revoke) the authorisation the
 * patient gave this professional during care. The professional and the patient are those of the
 * request's {@link AccessContext}.
 */
public record AuthorizationDeclaration(boolean grant) {
}
