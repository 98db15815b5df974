package org.dmpgateway.model;

/** A professional's standing with a patient: authorised (TD0.3 or the patient) or blocked by the patient. */
public enum ConsentStatus {
    AUTHORIZED, BLOCKED
}
