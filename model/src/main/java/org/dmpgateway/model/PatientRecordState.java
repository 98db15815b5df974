package org.dmpgateway.model;

/** States of a patient's DMP (docs/sources/dmp-rules.md section 1). */
public enum PatientRecordState {
    NOTIFIED, CREATED, ACTIVATED, OPPOSED, CLOSED
}
