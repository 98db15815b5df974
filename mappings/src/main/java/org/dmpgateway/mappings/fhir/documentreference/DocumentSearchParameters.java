package org.dmpgateway.mappings.fhir.documentreference;

import ca.uhn.fhir.rest.param.DateRangeParam;
import ca.uhn.fhir.rest.param.ReferenceAndListParam;
import ca.uhn.fhir.rest.param.ReferenceOrListParam;
import ca.uhn.fhir.rest.param.ReferenceParam;
import ca.uhn.fhir.rest.param.TokenAndListParam;
import ca.uhn.fhir.rest.param.TokenOrListParam;

/**
 * The search parameters of an ITI-67 Find Document References (MHD 4.2, PDSm), as HAPI parsed them;
 * null: the parameter is absent. See {@link DocumentSearchMapper} for what each one selects.
 *
 * @param patient     {@code patient} or, chained, {@code patient.identifier}
 * @param author      {@code author.given} / {@code author.family} (chained on {@code author})
 * @param related     {@code related}: referenceIdList values
 */
public record DocumentSearchParameters(
        ReferenceParam patient,
        TokenOrListParam status,
        TokenOrListParam isArchived,
        DateRangeParam creation,
        DateRangeParam date,
        DateRangeParam period,
        DateRangeParam periodStart,
        DateRangeParam periodEnd,
        TokenOrListParam type,
        TokenOrListParam category,
        TokenAndListParam event,
        TokenOrListParam facility,
        TokenOrListParam setting,
        TokenOrListParam format,
        TokenAndListParam securityLabel,
        ReferenceOrListParam related,
        ReferenceAndListParam author,
        TokenOrListParam identifier,
        TokenOrListParam id) {

    public static Builder builder() {
        return new Builder();
    }

    /** Builds the parameters one by one (tests, providers). */
    public static final class Builder {
        private ReferenceParam patient;
        private TokenOrListParam status;
        private TokenOrListParam isArchived;
        private DateRangeParam creation;
        private DateRangeParam date;
        private DateRangeParam period;
        private DateRangeParam periodStart;
        private DateRangeParam periodEnd;
        private TokenOrListParam type;
        private TokenOrListParam category;
        private TokenAndListParam event;
        private TokenOrListParam facility;
        private TokenOrListParam setting;
        private TokenOrListParam format;
        private TokenAndListParam securityLabel;
        private ReferenceOrListParam related;
        private ReferenceAndListParam author;
        private TokenOrListParam identifier;
        private TokenOrListParam id;

        public Builder patient(ReferenceParam v) { patient = v; return this; }
        public Builder status(TokenOrListParam v) { status = v; return this; }
        public Builder isArchived(TokenOrListParam v) { isArchived = v; return this; }
        public Builder creation(DateRangeParam v) { creation = v; return this; }
        public Builder date(DateRangeParam v) { date = v; return this; }
        public Builder period(DateRangeParam v) { period = v; return this; }
        public Builder periodStart(DateRangeParam v) { periodStart = v; return this; }
        public Builder periodEnd(DateRangeParam v) { periodEnd = v; return this; }
        public Builder type(TokenOrListParam v) { type = v; return this; }
        public Builder category(TokenOrListParam v) { category = v; return this; }
        public Builder event(TokenAndListParam v) { event = v; return this; }
        public Builder facility(TokenOrListParam v) { facility = v; return this; }
        public Builder setting(TokenOrListParam v) { setting = v; return this; }
        public Builder format(TokenOrListParam v) { format = v; return this; }
        public Builder securityLabel(TokenAndListParam v) { securityLabel = v; return this; }
        public Builder related(ReferenceOrListParam v) { related = v; return this; }
        public Builder author(ReferenceAndListParam v) { author = v; return this; }
        public Builder identifier(TokenOrListParam v) { identifier = v; return this; }
        public Builder id(TokenOrListParam v) { id = v; return this; }

        public DocumentSearchParameters build() {
            return new DocumentSearchParameters(patient, status, isArchived, creation, date, period, periodStart,
                    periodEnd, type, category, event, facility, setting, format, securityLabel, related, author,
                    identifier, id);
        }
    }
}
