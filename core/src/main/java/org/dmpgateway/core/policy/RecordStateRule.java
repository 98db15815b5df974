package org.dmpgateway.core.policy;

import org.dmpgateway.model.error.DmpErrorCode;
import org.dmpgateway.model.error.DmpException;
import org.dmpgateway.model.PatientRecord;

/**
 * docs/sources/dmp-rules.md section 1: only a CREATED or ACTIVATED record can be used. NOTIFIED: no record yet
 * (opposition period running); OPPOSED and CLOSED: the professional's software is told the DMP is
 * closed.
 */
final class RecordStateRule {
    private RecordStateRule() {
    }

    static void requireOpen(PatientRecord record) {
        String who = "the DMP of patient " + record.ins().toCx();
        switch (record.state()) {
            case CREATED, ACTIVATED -> {
            }
            case NOTIFIED -> throw new DmpException(DmpErrorCode.DMP_UNKNOWN, who + " does not exist yet: the patient "
                    + "was notified and the opposition period is running", "patientId");
            case OPPOSED -> throw new DmpException(DmpErrorCode.DMP_OPPOSED, who + " is closed: the patient opposed its "
                    + "creation", "patientId");
            case CLOSED -> throw new DmpException(DmpErrorCode.DMP_CLOSED, who + " is closed: the patient closed it",
                    "patientId");
        }
    }
}
