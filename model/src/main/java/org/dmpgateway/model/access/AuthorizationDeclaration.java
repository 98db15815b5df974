package org.dmpgateway.model.access;

/**
 * TD0.3: the professional's software declares (grant) or withdraws (revoke) the authorisation the
 * patient gave this professional during care. The professional and the patient are those of the
 * request's {@link AccessContext}.
 * <p>
 * With {@code treatingDoctor} (TD0.3 {@code role MEDECIN_TRAITANT}) the declaration is about the
 * "médecin traitant DMP" role: granted, the professional is authorised and becomes the patient's
 * médecin traitant DMP; withdrawn, he stops being it and keeps his authorisation ("Se supprimer MT").
 */
public record AuthorizationDeclaration(boolean grant, boolean treatingDoctor) {

    /** A declaration about the authorisation alone (no role). */
    public AuthorizationDeclaration(boolean grant) {
        this(grant, false);
    }
}
