package org.dmpgateway.model.query;

import org.dmpgateway.model.CodedValue;
import org.dmpgateway.model.EntryStatus;
import org.dmpgateway.model.PatientRef;

import java.util.List;

/**
 * Selection of document entries. A null list means "no filter on this attribute"; an empty list
 * selects nothing. Code lists match on code + code system; {@code confidentialityCodes} and
 * {@code eventCodes} are AND-of-OR groups; {@code authorPersons} are SQL LIKE patterns
 * ({@code %} and {@code _}) matched against the author's XCN; {@code onDemand} null means both
 * stable and on-demand entries. {@code limit} caps the rows returned (null: no cap);
 * {@code offset} skips that many rows first (null: 0), for paging. Both apply in the database after
 * every filter, visibility included, on a stable total order: insertion order of the entries (the
 * table's identity key, so two entries never tie; a newer metadata version of a document comes
 * after the older ones). A page is thus the same whatever the page size, as long as nothing is
 * stored meanwhile.
 * {@code visibility} restricts the selection to what one professional may see (null: no
 * restriction, for the core's own lookups).
 */
public record DocumentCriteria(
        PatientRef patient,
        List<String> entryUuids,
        List<String> uniqueIds,
        List<String> logicalUuids,
        List<EntryStatus> statuses,
        List<CodedValue> classCodes,
        List<CodedValue> typeCodes,
        List<CodedValue> practiceSettingCodes,
        List<CodedValue> healthcareFacilityTypeCodes,
        List<CodedValue> formatCodes,
        List<List<CodedValue>> confidentialityCodes,
        List<List<CodedValue>> eventCodes,
        TimeRangeCriterion creationTime,
        TimeRangeCriterion serviceStartTime,
        TimeRangeCriterion serviceStopTime,
        List<String> authorPersons,
        Boolean onDemand,
        List<String> referenceIds,
        Integer limit,
        Integer offset,
        DocumentVisibility visibility) {

    public static Builder builder() {
        return new Builder();
    }

    public Builder toBuilder() {
        Builder b = new Builder();
        b.patient = patient; b.entryUuids = entryUuids; b.uniqueIds = uniqueIds; b.logicalUuids = logicalUuids;
        b.statuses = statuses; b.classCodes = classCodes; b.typeCodes = typeCodes;
        b.practiceSettingCodes = practiceSettingCodes; b.healthcareFacilityTypeCodes = healthcareFacilityTypeCodes;
        b.formatCodes = formatCodes; b.confidentialityCodes = confidentialityCodes; b.eventCodes = eventCodes;
        b.creationTime = creationTime; b.serviceStartTime = serviceStartTime; b.serviceStopTime = serviceStopTime;
        b.authorPersons = authorPersons; b.onDemand = onDemand; b.referenceIds = referenceIds; b.limit = limit;
        b.offset = offset;
        b.visibility = visibility;
        return b;
    }

    public static final class Builder {
        private PatientRef patient;
        private List<String> entryUuids;
        private List<String> uniqueIds;
        private List<String> logicalUuids;
        private List<EntryStatus> statuses;
        private List<CodedValue> classCodes;
        private List<CodedValue> typeCodes;
        private List<CodedValue> practiceSettingCodes;
        private List<CodedValue> healthcareFacilityTypeCodes;
        private List<CodedValue> formatCodes;
        private List<List<CodedValue>> confidentialityCodes;
        private List<List<CodedValue>> eventCodes;
        private TimeRangeCriterion creationTime = TimeRangeCriterion.NONE;
        private TimeRangeCriterion serviceStartTime = TimeRangeCriterion.NONE;
        private TimeRangeCriterion serviceStopTime = TimeRangeCriterion.NONE;
        private List<String> authorPersons;
        private Boolean onDemand;
        private List<String> referenceIds;
        private Integer limit;
        private Integer offset;
        private DocumentVisibility visibility;

        public Builder patient(PatientRef v) { patient = v; return this; }
        public Builder entryUuids(List<String> v) { entryUuids = v; return this; }
        public Builder uniqueIds(List<String> v) { uniqueIds = v; return this; }
        public Builder logicalUuids(List<String> v) { logicalUuids = v; return this; }
        public Builder statuses(List<EntryStatus> v) { statuses = v; return this; }
        public Builder classCodes(List<CodedValue> v) { classCodes = v; return this; }
        public Builder typeCodes(List<CodedValue> v) { typeCodes = v; return this; }
        public Builder practiceSettingCodes(List<CodedValue> v) { practiceSettingCodes = v; return this; }
        public Builder healthcareFacilityTypeCodes(List<CodedValue> v) { healthcareFacilityTypeCodes = v; return this; }
        public Builder formatCodes(List<CodedValue> v) { formatCodes = v; return this; }
        public Builder confidentialityCodes(List<List<CodedValue>> v) { confidentialityCodes = v; return this; }
        public Builder eventCodes(List<List<CodedValue>> v) { eventCodes = v; return this; }
        public Builder creationTime(TimeRangeCriterion v) { creationTime = v == null ? TimeRangeCriterion.NONE : v; return this; }
        public Builder serviceStartTime(TimeRangeCriterion v) { serviceStartTime = v == null ? TimeRangeCriterion.NONE : v; return this; }
        public Builder serviceStopTime(TimeRangeCriterion v) { serviceStopTime = v == null ? TimeRangeCriterion.NONE : v; return this; }
        public Builder authorPersons(List<String> v) { authorPersons = v; return this; }
        public Builder onDemand(Boolean v) { onDemand = v; return this; }
        public Builder referenceIds(List<String> v) { referenceIds = v; return this; }
        public Builder limit(Integer v) { limit = v; return this; }
        public Builder offset(Integer v) { offset = v; return this; }
        public Builder visibility(DocumentVisibility v) { visibility = v; return this; }

        public DocumentCriteria build() {
            return new DocumentCriteria(patient, entryUuids, uniqueIds, logicalUuids, statuses, classCodes, typeCodes,
                    practiceSettingCodes, healthcareFacilityTypeCodes, formatCodes, confidentialityCodes, eventCodes,
                    creationTime, serviceStartTime, serviceStopTime, authorPersons, onDemand, referenceIds, limit, offset, visibility);
        }
    }
}
