package org.dmpgateway.mappings.xds.error;

/** The XDS.b transactions the gateway serves; error codes depend on the transaction. */
public enum XdsTransaction {
    ITI_41, ITI_18, ITI_43, ITI_57, ITI_62;

    /** True for the transactions a repository answers (repository-side error codes). */
    public boolean isRepositorySide() {
        return this == ITI_41 || this == ITI_43;
    }
}
