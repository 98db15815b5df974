package org.dmpgateway.fhir.update;

import ca.uhn.fhir.rest.server.exceptions.PreconditionFailedException;
import ca.uhn.fhir.util.UrlUtil;
import org.dmpgateway.fhir.query.RegistryReader;
import org.dmpgateway.fhir.error.FhirRefusal;
import org.dmpgateway.model.access.AccessContext;
import org.dmpgateway.model.error.DmpErrorCode;
import org.dmpgateway.mappings.fhir.error.FhirErrorMapper;
import org.dmpgateway.model.error.DmpException;
import org.dmpgateway.model.DocumentEntryRecord;
import org.dmpgateway.model.EntryStatus;
import org.dmpgateway.model.query.QueryResult;
import org.dmpgateway.model.query.RegistryQuery.GetDocuments;
import org.dmpgateway.model.trail.TraceAction;

import java.util.List;
import java.util.Map;

/**
 * Finds the document entry a PATCH or DELETE names, through the core ({@link RegistryReader}),
 * so that the core's scope applies: only the caller's patient, only what the caller may see, never a
 * deleted document. What the caller may not see is answered 404 like what does not exist.
 * <ul>
 *   <li>{@code DocumentReference/<id>}: the entry whose entryUUID is {@code urn:uuid:<id>};</li>
 *   <li>{@code DocumentReference?identifier=[system|]value}: an {@code urn:uuid:} value is an entryUUID
 *       (identifier use official) or a logicalId (use secondary), any other value the uniqueId
 *       (masterIdentifier; {@code urn:oid:} dropped); the current version (Approved or Archived) is
 *       taken; none: 404, several documents: 412 (FHIR conditional patch).</li>
 * </ul>
 */
final class DocumentLookup {
    private static final String URN_UUID = "urn:uuid:";
    private static final String URN_OID = "urn:oid:";

    private final RegistryReader reader;

    DocumentLookup(RegistryReader reader) {
        this.reader = reader;
    }

    /** {@code action}: the change prepared (UPDATE or DELETE); the core admits and traces the read as that change. */
    DocumentEntryRecord byId(String id, AccessContext caller, TraceAction action) {
        return reader.documentForChange("DocumentReference",
                id.startsWith(URN_UUID) ? id.substring(URN_UUID.length()) : id, caller, action);
    }

    /** {@code conditionalUrl}: {@code DocumentReference?identifier=...} as HAPI gives it. */
    DocumentEntryRecord byConditionalUrl(String conditionalUrl, AccessContext caller, TraceAction action) {
        int question = conditionalUrl.indexOf('?');
        Map<String, String[]> params = UrlUtil.parseQueryString(question < 0 ? "" : conditionalUrl.substring(question + 1));
        String[] identifiers = params.get("identifier");
        if (params.size() != 1 || identifiers == null || identifiers.length != 1 || identifiers[0].isBlank()) {
            throw FhirRefusal.of(DmpErrorCode.INVALID_QUERY_PARAMETER, "conditional PATCH: the URL names the document "
                    + "by one parameter, identifier=[system|]value (got " + conditionalUrl + ")", "identifier");
        }
        String token = identifiers[0];
        int bar = token.indexOf('|');
        String value = bar < 0 ? token : token.substring(bar + 1);
        List<DocumentEntryRecord> found;
        if (value.startsWith(URN_UUID)) {
            found = documents(new GetDocuments(List.of(value), null, null), caller, action);
            if (found.isEmpty()) {
                found = current(documents(new GetDocuments(null, null, List.of(value)), caller, action));
            }
        } else {
            String uniqueId = value.startsWith(URN_OID) ? value.substring(URN_OID.length()) : value;
            found = current(documents(new GetDocuments(null, List.of(uniqueId), null), caller, action));
        }
        if (found.isEmpty()) {
            throw notFound("DocumentReference?identifier=" + token);
        }
        if (found.size() > 1) {
            throw new PreconditionFailedException("DocumentReference?identifier=" + token + " designates "
                    + found.size() + " documents; a conditional PATCH needs exactly one",
                    FhirErrorMapper.outcome(new DmpException(DmpErrorCode.INVALID_QUERY_PARAMETER,
                            "identifier " + token + " designates " + found.size() + " documents", "identifier")));
        }
        return found.get(0);
    }

    private List<DocumentEntryRecord> documents(GetDocuments query, AccessContext caller, TraceAction action) {
        QueryResult result = reader.queryForChange(query, caller, action);
        return result == null ? List.of() : result.documents();
    }

    /** The current versions (Approved or Archived) among the versions found. */
    private static List<DocumentEntryRecord> current(List<DocumentEntryRecord> versions) {
        return versions.stream().filter(e -> e.availabilityStatus() == EntryStatus.APPROVED
                || e.availabilityStatus() == EntryStatus.ARCHIVED).toList();
    }

    private static FhirRefusal notFound(String what) {
        return FhirRefusal.of(DmpErrorCode.UNKNOWN_DOCUMENT, what + ": no such document in the patient's record "
                + "(or it is deleted, or not visible to this professional)", what);
    }
}
