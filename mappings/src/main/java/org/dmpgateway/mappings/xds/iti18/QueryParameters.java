package org.dmpgateway.mappings.xds.iti18;

import org.dmpgateway.mappings.xds.metadata.XdsValues;
import org.dmpgateway.model.error.DmpErrorCode;
import org.dmpgateway.model.error.DmpException;
import org.dmpgateway.model.AssociationKind;
import org.dmpgateway.model.CodedValue;
import org.dmpgateway.model.EntryStatus;
import org.dmpgateway.model.PatientRef;
import org.dmpgateway.model.query.TimeRangeCriterion;
import org.openehealth.ipf.commons.ihe.xds.core.metadata.AssociationType;
import org.openehealth.ipf.commons.ihe.xds.core.metadata.AvailabilityStatus;
import org.openehealth.ipf.commons.ihe.xds.core.metadata.Code;
import org.openehealth.ipf.commons.ihe.xds.core.metadata.Hl7v2Based;
import org.openehealth.ipf.commons.ihe.xds.core.metadata.Identifiable;
import org.openehealth.ipf.commons.ihe.xds.core.metadata.TimeRange;
import org.openehealth.ipf.commons.ihe.xds.core.metadata.Timestamp;
import org.openehealth.ipf.commons.ihe.xds.core.requests.query.QueryList;

import java.util.List;
import java.util.Objects;

/**
 * Stored query parameter values (IPF model) to the internal criteria. An absent parameter
 * (null or empty) becomes null, i.e. no filter. A value that cannot be represented is refused
 * with {@link DmpErrorCode#INVALID_QUERY_PARAMETER}, the message naming the parameter
 * ({@code $XDSDocumentEntryClassCode}, ...) and the parameter as location.
 */
public final class QueryParameters {
    private QueryParameters() {
    }

    static List<CodedValue> codes(String parameter, List<Code> codes) {
        if (codes == null || codes.isEmpty()) {
            return null;
        }
        return codes.stream().filter(Objects::nonNull).map(c -> code(parameter, c)).toList();
    }

    /** AND-of-OR parameter: outer list AND, inner lists OR. */
    static List<List<CodedValue>> codeGroups(String parameter, QueryList<Code> list) {
        if (list == null || list.getOuterList() == null || list.getOuterList().isEmpty()) {
            return null;
        }
        return list.getOuterList().stream()
                .map(inner -> inner == null ? List.<CodedValue>of() : codes(parameter, inner))
                .map(inner -> inner == null ? List.<CodedValue>of() : inner)
                .toList();
    }

    private static CodedValue code(String parameter, Code c) {
        if (c.getCode() == null || c.getCode().isBlank()) {
            throw invalid(parameter, "a code needs a value (code^^scheme), got " + Hl7v2Based.render(c));
        }
        return new CodedValue(c.getCode(), c.getSchemeName(), XdsValues.text(c.getDisplayName()));
    }

    /** The patient of the query; absent stays null (the core refuses it for patient-based queries). */
    static PatientRef patient(String parameter, Identifiable id) {
        if (id == null) {
            return null;
        }
        PatientRef ref = XdsValues.patientRef(id);
        if (ref == null) {
            throw invalid(parameter, "a patient identifier needs an id and an assigning authority OID "
                    + "(id^^^&OID&ISO), got " + Hl7v2Based.render(id));
        }
        return ref;
    }

    static List<EntryStatus> requiredStatuses(String parameter, List<AvailabilityStatus> statuses) {
        if (statuses == null || statuses.isEmpty()) {
            throw invalid(parameter, "the parameter is required");
        }
        return XdsValues.statuses(statuses);
    }

    static List<String> strings(List<String> values) {
        if (values == null || values.isEmpty()) {
            return null;
        }
        return values.stream().filter(Objects::nonNull).toList();
    }

    /** A multi-slot string parameter whose values are all OR'd (e.g. the reference id list). */
    static List<String> flattened(QueryList<String> list) {
        if (list == null || list.getOuterList() == null) {
            return null;
        }
        List<String> values = list.getOuterList().stream().filter(Objects::nonNull)
                .flatMap(List::stream).filter(Objects::nonNull).toList();
        return values.isEmpty() ? null : values;
    }

    static TimeRangeCriterion range(TimeRange r) {
        if (r == null) {
            return TimeRangeCriterion.NONE;
        }
        return new TimeRangeCriterion(Timestamp.toHL7(r.getFrom()), Timestamp.toHL7(r.getTo()));
    }

    static List<AssociationKind> kinds(String parameter, List<AssociationType> types) {
        if (types == null || types.isEmpty()) {
            return null;
        }
        return types.stream().filter(Objects::nonNull).map(t -> kind(parameter, t)).toList();
    }

    private static AssociationKind kind(String parameter, AssociationType type) {
        AssociationKind kind = XdsValues.kind(type);
        if (kind == null) {
            throw invalid(parameter, "association type " + type.getOpcode30() + " is not supported");
        }
        return kind;
    }

    static DmpException invalid(String parameter, String rule) {
        return new DmpException(DmpErrorCode.INVALID_QUERY_PARAMETER, parameter + ": " + rule, parameter);
    }
}
