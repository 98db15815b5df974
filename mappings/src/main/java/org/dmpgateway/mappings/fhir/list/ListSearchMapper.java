package org.dmpgateway.mappings.fhir.list;

import org.dmpgateway.mappings.fhir.common.FhirCodeSystems;
import org.dmpgateway.mappings.fhir.search.AuthorNamePatterns;
import org.dmpgateway.mappings.fhir.search.SearchDates;
import org.dmpgateway.mappings.fhir.search.SearchStatuses;
import org.dmpgateway.mappings.fhir.search.SearchTokens;
import ca.uhn.fhir.rest.param.TokenOrListParam;
import org.dmpgateway.model.CodedValue;
import org.dmpgateway.model.EntryStatus;
import org.dmpgateway.model.PatientRef;
import org.dmpgateway.model.query.FolderCriteria;
import org.dmpgateway.model.query.ListSearch;
import org.dmpgateway.model.query.RegistryQuery;
import org.dmpgateway.model.query.SubmissionSetCriteria;
import org.dmpgateway.model.query.TimeRangeCriterion;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * ITI-66 Find Document Lists (MHD 4.2, PDSm) as the stored queries FindSubmissionSets and
 * FindFolders. Search parameters and what they select:
 * <table>
 * <caption>ITI-66 parameters</caption>
 * <tr><th>parameter</th><th>SubmissionSet</th><th>Folder</th></tr>
 * <tr><td>patient, patient.identifier (one is required)</td><td colspan="2">patientId, as in ITI-67</td></tr>
 * <tr><td>code</td><td colspan="2">{@code submissionset} and/or {@code folder} (system
 *     {@value #LIST_TYPES} or none); absent: both, or submission sets only when source.* or
 *     sourceId is given</td></tr>
 * <tr><td>status (required)</td><td colspan="2">current = Approved (Archived with {@code isArchived=true});
 *     superseded or retired = Deprecated; entered-in-error: nothing</td></tr>
 * <tr><td>date</td><td>submissionTime</td><td>lastUpdateTime</td></tr>
 * <tr><td>designationType</td><td>contentTypeCode</td><td>codeList</td></tr>
 * <tr><td>source.given, source.family</td><td>authorPerson (XCN name components, exactly)</td><td>ignored (MHD)</td></tr>
 * <tr><td>sourceId</td><td>sourceId (the OID, {@code urn:oid:} or bare)</td><td>ignored (MHD)</td></tr>
 * <tr><td>identifier</td><td colspan="2">{@code urn:oid:<uniqueId>} or {@code urn:uuid:<entryUUID>}</td></tr>
 * <tr><td>_id</td><td colspan="2">entryUUID ({@code urn:uuid:<id>})</td></tr>
 * </table>
 */
public final class ListSearchMapper {
    /** MHD's code system of List.code. */
    public static final String LIST_TYPES = "https://profiles.ihe.net/ITI/MHD/CodeSystem/MHDlistTypes";
    static final String LIST_STATUS_SYSTEM = "http://hl7.org/fhir/list-status";

    private ListSearchMapper() {
    }

    /**
     * The List search of these parameters: FindSubmissionSets and/or FindFolders (a null one is not
     * asked for), which the core answers with each List's members.
     *
     * @throws org.dmpgateway.model.error.DmpException INVALID_QUERY_PARAMETER naming the parameter
     */
    public static ListSearch toSearch(ListSearchParameters p) {
        PatientRef patient = SearchTokens.patient(p.patient());
        if (patient == null) {
            throw SearchTokens.missing("patient", "give patient=Patient/<id> or patient.identifier=<INS system>|<INS>");
        }
        if (p.status() == null || p.status().getValuesAsQueryTokens().isEmpty()) {
            throw SearchTokens.missing("status", "give status=current (and/or superseded)");
        }
        List<EntryStatus> statuses = statuses(p.status(), p.isArchived());
        TimeRangeCriterion date = SearchDates.range(p.date(), "date", TimeRangeCriterion.NONE);
        List<CodedValue> designation = SearchTokens.codes(p.designationType(), "designationType");
        SearchTokens.Identifiers identifiers = SearchTokens.identifiers(p.identifier(), "identifier");
        List<String> uniqueIds = identifiers == null ? null : identifiers.uniqueIds();
        List<String> entryUuids = SearchTokens.both(identifiers == null ? null : identifiers.entryUuids(),
                SearchTokens.resourceIds(p.id(), "_id"));
        List<String> authors = AuthorNamePatterns.patterns(p.source(), "source");
        List<String> sourceIds = sourceIds(p.sourceId());
        boolean setsOnly = authors != null || sourceIds != null;
        Set<String> types = types(p.code(), setsOnly);

        RegistryQuery.FindSubmissionSets sets = null;
        if (types.contains("submissionset")) {
            if (authors != null && authors.size() > 2) {
                throw SearchTokens.invalid("source", "one author name only: a submission set query takes one author pattern");
            }
            // the two patterns of one name are the same name with or without later XCN components;
            // the registry takes one: the one with them (as IPF and XDS clients write the XCN)
            String author = authors == null ? null : authors.get(0);
            sets = new RegistryQuery.FindSubmissionSets(SubmissionSetCriteria.builder()
                    .patient(patient).entryUuids(entryUuids).uniqueIds(uniqueIds).statuses(statuses)
                    .sourceIds(sourceIds).submissionTime(date).authorPerson(author).contentTypeCodes(designation)
                    .build());
        }
        RegistryQuery.FindFolders folders = null;
        if (types.contains("folder")) {
            folders = new RegistryQuery.FindFolders(FolderCriteria.builder()
                    .patient(patient).entryUuids(entryUuids).uniqueIds(uniqueIds).statuses(statuses)
                    .lastUpdateTime(date).codes(designation == null ? null : List.of(designation))
                    .build());
        }
        return new ListSearch(sets, folders);
    }

    static List<EntryStatus> statuses(TokenOrListParam status, TokenOrListParam isArchived) {
        return SearchStatuses.of(status, isArchived, LIST_STATUS_SYSTEM,
                new LinkedHashSet<>(List.of("superseded", "retired")), "List");
    }

    private static Set<String> types(TokenOrListParam code, boolean setsOnly) {
        Set<String> types = new LinkedHashSet<>();
        List<String> codes = SearchTokens.plainCodes(code, "code", LIST_TYPES);
        if (codes == null) {
            types.add("submissionset");
            if (!setsOnly) {
                types.add("folder");
            }
            return types;
        }
        for (String c : codes) {
            if (!c.equals("submissionset") && !c.equals("folder")) {
                throw SearchTokens.invalid("code", "'" + c + "' is not a list type (submissionset, folder)");
            }
            types.add(c);
        }
        return types;
    }

    private static List<String> sourceIds(TokenOrListParam tokens) {
        List<String> values = SearchTokens.plainCodes(tokens, "sourceId", SearchTokens.RFC_3986);
        if (values == null) {
            return null;
        }
        return values.stream().map(v -> {
            String oid = v.startsWith(FhirCodeSystems.URN_OID) ? v.substring(FhirCodeSystems.URN_OID.length()) : v;
            if (!FhirCodeSystems.isOid(oid)) {
                throw SearchTokens.invalid("sourceId", "'" + v + "' is not an OID");
            }
            return oid;
        }).toList();
    }
}
