package org.dmpgateway.model;

/** States of a patient's DMP (docs/sources/dmp-rules.md section 1). */
public enum PatientRecordState {
    NOTIFIED, CREATED, ACTIVATED, OPPOSED, CLOSED;

    /** Closed, or opposed by the patient: the record is ended (TD0.2's "terminated", FHIR's dmp-fermeture). */
    public boolean isEnded() {
        return this == OPPOSED || this == CLOSED;
    }
}
