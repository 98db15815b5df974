package org.dmpgateway.fhir.provider;

import ca.uhn.fhir.rest.param.ReferenceParam;
import ca.uhn.fhir.rest.param.TokenParam;
import org.dmpgateway.fhir.error.FhirRefusal;
import org.dmpgateway.mappings.error.DmpErrorCode;
import org.dmpgateway.mappings.error.DmpException;
import org.dmpgateway.mappings.fhir.PatientIds;
import org.dmpgateway.mappings.model.PatientRef;

/** Reading the patient named by a FHIR request parameter, with a 400 naming the parameter when it is not one. */
final class FhirParameters {
    private FhirParameters() {
    }

    /** A Patient resource id, {@code <INS>-<authority OID>}. */
    static PatientRef patientOfId(String id) {
        try {
            return PatientIds.fromResourceId(id);
        } catch (DmpException e) {
            throw FhirRefusal.of(e);
        } catch (IllegalArgumentException e) {
            throw FhirRefusal.of(DmpErrorCode.INVALID_QUERY_PARAMETER, "Patient id '" + id + "' is not <INS>-<authority "
                    + "OID>, e.g. 279035121518989-1.2.250.1.213.1.4.10", "Patient.id");
        }
    }

    /** An INS token {@code urn:oid:1.2.250.1.213.1.4.x|<INS>}. */
    static PatientRef patientOfToken(TokenParam token, String parameter) {
        if (token.getSystem() == null || token.getSystem().isBlank() || token.getValue() == null
                || token.getValue().isBlank()) {
            throw FhirRefusal.of(DmpErrorCode.INVALID_QUERY_PARAMETER, parameter + ": give the INS as system|value, "
                    + "e.g. urn:oid:1.2.250.1.213.1.4.8|<15 characters>", parameter);
        }
        try {
            return PatientIds.fromIdentifier(token.getSystem(), token.getValue());
        } catch (DmpException e) {
            throw FhirRefusal.of(e);
        } catch (IllegalArgumentException e) {
            throw FhirRefusal.of(DmpErrorCode.INVALID_QUERY_PARAMETER, parameter + ": " + e.getMessage(), parameter);
        }
    }

    /** A patient reference parameter: {@code Patient/<id>} or chained {@code patient.identifier=system|value}. */
    static PatientRef patientOfReference(ReferenceParam reference, String parameter) {
        if ("identifier".equals(reference.getChain())) {
            String value = reference.getValue();
            int bar = value.indexOf('|');
            TokenParam token = bar < 0 ? new TokenParam(null, value)
                    : new TokenParam(value.substring(0, bar), value.substring(bar + 1));
            return patientOfToken(token, parameter + ".identifier");
        }
        if (reference.getResourceType() != null && !"Patient".equals(reference.getResourceType())) {
            throw FhirRefusal.of(DmpErrorCode.INVALID_QUERY_PARAMETER, parameter + " must reference a Patient, not "
                    + reference.getResourceType(), parameter);
        }
        return patientOfId(reference.getIdPart());
    }
}
