package org.dmpgateway.mappings.fhir.list;

import ca.uhn.fhir.rest.param.DateRangeParam;
import ca.uhn.fhir.rest.param.ReferenceAndListParam;
import ca.uhn.fhir.rest.param.ReferenceParam;
import ca.uhn.fhir.rest.param.TokenOrListParam;

/**
 * The search parameters of an ITI-66 Find Document Lists (MHD 4.2, PDSm), as HAPI parsed them;
 * null: the parameter is absent. See {@link ListSearchMapper} for what each one selects.
 *
 * @param patient {@code patient} or, chained, {@code patient.identifier}
 * @param source  {@code source.given} / {@code source.family} (chained on {@code source})
 */
public record ListSearchParameters(
        ReferenceParam patient,
        TokenOrListParam code,
        TokenOrListParam status,
        TokenOrListParam isArchived,
        DateRangeParam date,
        TokenOrListParam designationType,
        ReferenceAndListParam source,
        TokenOrListParam sourceId,
        TokenOrListParam identifier,
        TokenOrListParam id) {

    public static Builder builder() {
        return new Builder();
    }

    /** Builds the parameters one by one (tests, providers). */
    public static final class Builder {
        private ReferenceParam patient;
        private TokenOrListParam code;
        private TokenOrListParam status;
        private TokenOrListParam isArchived;
        private DateRangeParam date;
        private TokenOrListParam designationType;
        private ReferenceAndListParam source;
        private TokenOrListParam sourceId;
        private TokenOrListParam identifier;
        private TokenOrListParam id;

        public Builder patient(ReferenceParam v) { patient = v; return this; }
        public Builder code(TokenOrListParam v) { code = v; return this; }
        public Builder status(TokenOrListParam v) { status = v; return this; }
        public Builder isArchived(TokenOrListParam v) { isArchived = v; return this; }
        public Builder date(DateRangeParam v) { date = v; return this; }
        public Builder designationType(TokenOrListParam v) { designationType = v; return this; }
        public Builder source(ReferenceAndListParam v) { source = v; return this; }
        public Builder sourceId(TokenOrListParam v) { sourceId = v; return this; }
        public Builder identifier(TokenOrListParam v) { identifier = v; return this; }
        public Builder id(TokenOrListParam v) { id = v; return this; }

        public ListSearchParameters build() {
            return new ListSearchParameters(patient, code, status, isArchived, date, designationType, source, sourceId,
                    identifier, id);
        }
    }
}
