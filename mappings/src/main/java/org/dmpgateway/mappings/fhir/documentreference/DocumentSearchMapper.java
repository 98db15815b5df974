package org.dmpgateway.mappings.fhir.documentreference;

import org.dmpgateway.mappings.fhir.common.FhirCodeSystems;
import org.dmpgateway.mappings.fhir.search.AuthorNamePatterns;
import org.dmpgateway.mappings.fhir.search.SearchDates;
import org.dmpgateway.mappings.fhir.search.SearchStatuses;
import org.dmpgateway.mappings.fhir.search.SearchTokens;
import ca.uhn.fhir.rest.param.ReferenceOrListParam;
import ca.uhn.fhir.rest.param.ReferenceParam;
import ca.uhn.fhir.rest.param.TokenOrListParam;
import ca.uhn.fhir.rest.param.TokenParam;
import org.dmpgateway.model.EntryStatus;
import org.dmpgateway.model.PatientRef;
import org.dmpgateway.model.query.DocumentCriteria;
import org.dmpgateway.model.query.QueryCommand;
import org.dmpgateway.model.query.RegistryQuery;
import org.dmpgateway.model.query.TimeRangeCriterion;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * ITI-67 Find Document References (MHD 4.2, PDSm) as the stored query FindDocuments
 * ({@code QueryCommand(FindDocuments(criteria), false)}); the page (offset, limit) is the
 * provider's business. Search parameters and what they select:
 * <table>
 * <caption>ITI-67 parameters</caption>
 * <tr><th>parameter</th><th>XDS DocumentEntry</th></tr>
 * <tr><td>patient, patient.identifier (one is required)</td><td>patientId: {@code Patient/<INS>-<authority OID>}
 *     or {@code urn:oid:<INS authority>|<INS>} (1.2.250.1.213.1.4.8/.9/.10/.11)</td></tr>
 * <tr><td>status (required, PDSm)</td><td>availabilityStatus: current = Approved, or Archived when
 *     {@code isArchived=true} (both with {@code isArchived=true,false}); superseded = Deprecated;
 *     entered-in-error selects nothing (deleted entries are never shown)</td></tr>
 * <tr><td>isArchived (PDSm)</td><td>true / false: which current entries (Archived / Approved)</td></tr>
 * <tr><td>creation</td><td>creationTime (DocumentReference.content.attachment.creation)</td></tr>
 * <tr><td>date</td><td>creationTime too: the DocumentReferences of this server carry the creation time
 *     in {@code date} as well (PDSM4DMP dates annex, {@link DocumentReferenceWriter}); with
 *     {@code creation}, the two ranges intersect</td></tr>
 * <tr><td>period</td><td>the service time overlaps: serviceStopTime from the lower bound,
 *     serviceStartTime to the upper bound</td></tr>
 * <tr><td>period-start, period-end (PDSm)</td><td>serviceStartTime, serviceStopTime</td></tr>
 * <tr><td>type, category, setting, facility, format</td><td>typeCode, classCode, practiceSettingCode,
 *     healthcareFacilityTypeCode, formatCode (OR of {@code system|code})</td></tr>
 * <tr><td>event, security-label</td><td>eventCodeList, confidentialityCode (comma: OR; repeated: AND)</td></tr>
 * <tr><td>related</td><td>referenceIdList: the value as stored (CXi), or with the chain
 *     {@code related.identifier=urn:oid:<authority>|<id>} the CXi {@code id^^^&authority&ISO}</td></tr>
 * <tr><td>author.family, author.given</td><td>authorPerson: the XCN name components, exactly
 *     (case-sensitive, as MHD translates them into {@code ^family^given^^^})</td></tr>
 * <tr><td>identifier</td><td>{@code urn:oid:<uniqueId>} (masterIdentifier) or {@code urn:uuid:<entryUUID>}
 *     (the official identifier), system urn:ietf:rfc:3986 or none; one kind per search (XDS cannot OR
 *     them); a logicalId or a UUID-form uniqueId is not searchable this way</td></tr>
 * <tr><td>_id</td><td>entryUUID ({@code urn:uuid:<id>})</td></tr>
 * </table>
 * Date parameters follow {@link SearchDates}; several date parameters on the same XDS time intersect.
 */
public final class DocumentSearchMapper {
    /** The FHIR code system of DocumentReference.status, accepted (but not required) on status tokens. */
    static final String STATUS_SYSTEM = "http://hl7.org/fhir/document-reference-status";

    private DocumentSearchMapper() {
    }

    /**
     * The FindDocuments stored query of these parameters.
     *
     * @throws org.dmpgateway.model.error.DmpException INVALID_QUERY_PARAMETER naming the
     *         parameter: patient (or patient.identifier) or status missing, a malformed value
     */
    public static QueryCommand toQuery(DocumentSearchParameters p) {
        return new QueryCommand(new RegistryQuery.FindDocuments(toCriteria(p)), false);
    }

    /** The FindDocuments criteria of these parameters (no page). */
    public static DocumentCriteria toCriteria(DocumentSearchParameters p) {
        PatientRef patient = SearchTokens.patient(p.patient());
        if (patient == null) {
            throw SearchTokens.missing("patient", "give patient=Patient/<id> or patient.identifier=<INS system>|<INS>");
        }
        if (p.status() == null || p.status().getValuesAsQueryTokens().isEmpty()) {
            throw SearchTokens.missing("status", "give status=current (and/or superseded)");
        }
        // DocumentReference.date carries the creation time too (DocumentReferenceWriter): both search it
        TimeRangeCriterion creation = SearchDates.range(p.date(), "date",
                SearchDates.range(p.creation(), "creation", TimeRangeCriterion.NONE));
        TimeRangeCriterion serviceStart = SearchDates.range(p.periodStart(), "period-start", TimeRangeCriterion.NONE);
        TimeRangeCriterion serviceStop = SearchDates.range(p.periodEnd(), "period-end", TimeRangeCriterion.NONE);
        if (p.period() != null) {
            TimeRangeCriterion period = SearchDates.range(p.period(), "period", TimeRangeCriterion.NONE);
            serviceStop = SearchDates.intersect(serviceStop, new TimeRangeCriterion(period.from(), null));
            serviceStart = SearchDates.intersect(serviceStart, new TimeRangeCriterion(null, period.to()));
        }
        SearchTokens.Identifiers identifiers = SearchTokens.identifiers(p.identifier(), "identifier");
        List<String> entryUuids = SearchTokens.both(identifiers == null ? null : identifiers.entryUuids(),
                SearchTokens.resourceIds(p.id(), "_id"));
        return DocumentCriteria.builder()
                .patient(patient)
                .statuses(statuses(p.status(), p.isArchived()))
                .creationTime(creation)
                .serviceStartTime(serviceStart)
                .serviceStopTime(serviceStop)
                .typeCodes(SearchTokens.codes(p.type(), "type"))
                .classCodes(SearchTokens.codes(p.category(), "category"))
                .practiceSettingCodes(SearchTokens.codes(p.setting(), "setting"))
                .healthcareFacilityTypeCodes(SearchTokens.codes(p.facility(), "facility"))
                .formatCodes(SearchTokens.codes(p.format(), "format"))
                .eventCodes(SearchTokens.codeGroups(p.event(), "event"))
                .confidentialityCodes(SearchTokens.codeGroups(p.securityLabel(), "security-label"))
                .referenceIds(referenceIds(p.related()))
                .authorPersons(AuthorNamePatterns.patterns(p.author(), "author"))
                .uniqueIds(identifiers == null ? null : identifiers.uniqueIds())
                .entryUuids(entryUuids)
                .build();
    }

    /**
     * The availability statuses of {@code status} (current, superseded, entered-in-error) and PDSm's
     * {@code isArchived} (true, false): an empty list when only entered-in-error is asked for.
     */
    static List<EntryStatus> statuses(TokenOrListParam status, TokenOrListParam isArchived) {
        return SearchStatuses.of(status, isArchived, STATUS_SYSTEM, Set.of("superseded"), "DocumentReference");
    }

    /** {@code related}: the referenceIdList values (CXi), or null when absent. */
    static List<String> referenceIds(ReferenceOrListParam related) {
        if (related == null || related.getValuesAsQueryTokens().isEmpty()) {
            return null;
        }
        List<String> ids = new ArrayList<>();
        for (ReferenceParam ref : related.getValuesAsQueryTokens()) {
            String chain = ref.getChain();
            String value = ref.getValue();
            if (value == null || value.isBlank()) {
                throw SearchTokens.invalid("related", "a value is missing");
            }
            if (chain == null || chain.isEmpty()) {
                ids.add(value);
            } else if ("identifier".equals(chain)) {
                TokenParam token = new TokenParam();
                token.setValueAsQueryToken(null, "related.identifier", null, value);
                if (token.getSystem() == null || token.getValue() == null || token.getValue().isBlank()) {
                    throw SearchTokens.invalid("related.identifier", "expected urn:oid:<assigning authority>|<id>");
                }
                String system = token.getSystem();
                String oid = system.startsWith(FhirCodeSystems.URN_OID) ? system.substring(FhirCodeSystems.URN_OID.length()) : null;
                if (oid == null || !FhirCodeSystems.isOid(oid)) {
                    throw SearchTokens.invalid("related.identifier", "the system must be urn:oid:<assigning authority>");
                }
                ids.add(token.getValue() + "^^^&" + oid + "&ISO");
            } else {
                throw SearchTokens.invalid("related." + chain, "only related.identifier is supported");
            }
        }
        return ids;
    }
}
