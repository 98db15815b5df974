package org.dmpgateway.model.account;

import org.dmpgateway.model.PatientRecord;

/** What the signed-in patient sees of their own record and account. */
public record AccountOverview(PatientRecord record, PatientAccount account) {
}
