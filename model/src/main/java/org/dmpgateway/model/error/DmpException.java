package org.dmpgateway.model.error;

import java.util.List;

/**
 * The one exception type of the gateway: carries one or more {@link DmpError}s. Adapters map it
 * to their protocol (XDS RegistryError list, FHIR OperationOutcome).
 */
public class DmpException extends RuntimeException {
    private final List<DmpError> errors;

    public DmpException(DmpErrorCode code, String message) {
        this(code, message, null);
    }

    public DmpException(DmpErrorCode code, String message, String location) {
        super(code + ": " + message);
        this.errors = List.of(new DmpError(code, message, location));
    }

    public DmpException(List<DmpError> errors) {
        super(errors.isEmpty() ? "error" : errors.get(0).code() + ": " + errors.get(0).message());
        this.errors = List.copyOf(errors);
    }

    public List<DmpError> errors() {
        return errors;
    }

    public DmpErrorCode code() {
        return errors.get(0).code();
    }
}
