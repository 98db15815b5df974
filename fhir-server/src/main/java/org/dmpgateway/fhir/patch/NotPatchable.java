package org.dmpgateway.fhir.patch;

import ca.uhn.fhir.rest.server.exceptions.MethodNotAllowedException;
import org.dmpgateway.model.error.DmpErrorCode;
import org.dmpgateway.model.error.DmpException;
import org.dmpgateway.mappings.fhir.error.FhirErrorMapper;

/**
 * A PATCH that changes an element PDSm does not let change (anything but {@code status},
 * {@code securityLabel} and the isArchived / isDeleted extensions): PDSm (st_maj, "Flux 04") asks
 * for 405 Method Not Allowed. The OperationOutcome carries METADATA_UPDATE_ERROR and names the path.
 * A patch that is malformed or breaks a business rule is 422 (METADATA_UPDATE_ERROR through the
 * ordinary refusal), as PDSM4DMP and FHIR R4 say.
 */
public class NotPatchable extends MethodNotAllowedException {
    public NotPatchable(String path, String message) {
        super(message, FhirErrorMapper.outcome(new DmpException(DmpErrorCode.METADATA_UPDATE_ERROR, message, path)));
    }
}
