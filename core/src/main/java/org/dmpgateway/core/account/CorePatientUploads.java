package org.dmpgateway.core.account;

import org.dmpgateway.model.PatientRef;
import org.dmpgateway.model.account.DocumentUpload;
import org.dmpgateway.model.account.PatientDocument;
import org.dmpgateway.model.account.PatientUploads;
import org.springframework.stereotype.Component;

/** The core's side of {@link PatientUploads}: the patient's own documents, added and deleted. */
@Component
public class CorePatientUploads implements PatientUploads {
    private final UploadPatientDocument uploads;
    private final DeletePatientDocument deletions;

    public CorePatientUploads(UploadPatientDocument uploads, DeletePatientDocument deletions) {
        this.uploads = uploads;
        this.deletions = deletions;
    }

    @Override
    public PatientDocument upload(PatientRef patient, DocumentUpload upload) {
        return uploads.upload(patient, upload);
    }

    @Override
    public void delete(PatientRef patient, String documentId) {
        deletions.delete(patient, documentId);
    }
}
