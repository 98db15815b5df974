package org.dmpgateway.fhir.iti66;

import org.dmpgateway.fhir.query.VersionedRead;
import org.dmpgateway.fhir.query.RegistryReader;
import ca.uhn.fhir.model.api.annotation.Description;
import ca.uhn.fhir.rest.annotation.IdParam;
import ca.uhn.fhir.rest.annotation.OptionalParam;
import ca.uhn.fhir.rest.annotation.Read;
import ca.uhn.fhir.rest.annotation.Search;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.param.DateRangeParam;
import ca.uhn.fhir.rest.param.ReferenceAndListParam;
import ca.uhn.fhir.rest.param.ReferenceParam;
import ca.uhn.fhir.rest.param.TokenOrListParam;
import ca.uhn.fhir.rest.server.IResourceProvider;
import org.dmpgateway.fhir.error.FhirRefusal;
import org.dmpgateway.fhir.identity.BearerTokenInterceptor;
import org.dmpgateway.model.access.AccessContext;
import org.dmpgateway.model.error.DmpErrorCode;
import org.dmpgateway.model.error.DmpException;
import org.dmpgateway.mappings.fhir.list.ListMapper;
import org.dmpgateway.mappings.fhir.list.ListSearchMapper;
import org.dmpgateway.mappings.fhir.list.ListSearchParameters;
import org.dmpgateway.model.DocumentEntryRecord;
import org.dmpgateway.model.FolderRecord;
import org.dmpgateway.model.SubmissionSetRecord;
import org.dmpgateway.model.query.FoundLists;
import org.dmpgateway.model.query.ListSearch;
import org.dmpgateway.model.query.QueryResult;
import org.dmpgateway.model.query.RegistryQuery;
import org.hl7.fhir.instance.model.api.IAnyResource;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.ListResource;
import org.hl7.fhir.r4.model.Patient;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.List;

/**
 * List, read side: ITI-66 Find Document Lists (submission sets and folders, MHD 4.2 / PDSm) and the
 * read of one List. The parameters go to {@link ListSearchMapper}; the core answers the search as one
 * query (FindSubmissionSets / FindFolders with each List's members: the documents of the set or
 * folder that the caller may see, so that no hidden document is revealed by a reference). The read
 * of one List is a GetSubmissionSetAndContents / GetFolderAndContents through the core.
 */
@Component
public class ListProvider implements IResourceProvider {
    private static final String URN_UUID = "urn:uuid:";

    private final RegistryReader reader;

    public ListProvider(RegistryReader reader) {
        this.reader = reader;
    }

    @Override
    public Class<ListResource> getResourceType() {
        return ListResource.class;
    }

    /** ITI-66: needs patient (or patient.identifier) and status. */
    @Search
    public List<ListResource> search(
            @Description(shortDefinition = "Patient/<INS>-<authority OID>; chained: patient.identifier=<INS system>|<INS>")
            @OptionalParam(name = ListResource.SP_PATIENT, chainWhitelist = {"", Patient.SP_IDENTIFIER}) ReferenceParam patient,
            @Description(shortDefinition = "submissionset | folder (absent: both)")
            @OptionalParam(name = ListResource.SP_CODE) TokenOrListParam code,
            @Description(shortDefinition = "current | superseded (required)")
            @OptionalParam(name = ListResource.SP_STATUS) TokenOrListParam status,
            @OptionalParam(name = "isArchived") TokenOrListParam isArchived,
            @Description(shortDefinition = "submissionTime (submission set), lastUpdateTime (folder)")
            @OptionalParam(name = ListResource.SP_DATE) DateRangeParam date,
            @Description(shortDefinition = "contentTypeCode (submission set), codeList (folder)")
            @OptionalParam(name = "designationType") TokenOrListParam designationType,
            @Description(shortDefinition = "source.given / source.family: the submission set's author person")
            @OptionalParam(name = ListResource.SP_SOURCE, chainWhitelist = {"given", "family"}) ReferenceAndListParam source,
            @OptionalParam(name = "sourceId") TokenOrListParam sourceId,
            @Description(shortDefinition = "urn:oid:<uniqueId> or urn:uuid:<entryUUID>")
            @OptionalParam(name = ListResource.SP_IDENTIFIER) TokenOrListParam identifier,
            @OptionalParam(name = IAnyResource.SP_RES_ID) TokenOrListParam id,
            RequestDetails request) {
        AccessContext caller = BearerTokenInterceptor.caller(request);
        ListSearch search;
        try {
            search = ListSearchMapper.toSearch(ListSearchParameters.builder().patient(patient).code(code)
                    .status(status).isArchived(isArchived).date(date).designationType(designationType).source(source)
                    .sourceId(sourceId).identifier(identifier).id(id).build());
        } catch (DmpException e) {
            throw FhirRefusal.of(e);
        }
        FoundLists found = reader.findLists(search, caller);
        List<ListResource> lists = new ArrayList<>(found.submissionSets().size() + found.folders().size());
        for (SubmissionSetRecord set : found.submissionSets()) {
            lists.add(ListMapper.toResource(set, found.membersOf(set.entryUuid())));
        }
        for (FolderRecord folder : found.folders()) {
            lists.add(ListMapper.toResource(folder, found.membersOf(folder.entryUuid())));
        }
        return lists;
    }

    /**
     * One submission set or folder by id (its entryUUID), with its visible documents; otherwise 404.
     * A versioned read answers the same List when the version is its {@code meta.versionId}, 404
     * otherwise ({@link VersionedRead}).
     */
    @Read(version = true)
    public ListResource read(@IdParam IdType id, RequestDetails request) {
        AccessContext caller = BearerTokenInterceptor.caller(request);
        String idPart = id.getIdPart();
        if (idPart == null || !idPart.matches("[A-Za-z0-9\\-.]{1,64}")) {
            throw notFound(idPart);
        }
        QueryResult set = setContents(URN_UUID + idPart, caller);
        if (!set.submissionSets().isEmpty()) {
            return VersionedRead.requireVersion(id, ListMapper.toResource(set.submissionSets().get(0), members(set)));
        }
        QueryResult folder = folderContents(URN_UUID + idPart, caller);
        if (!folder.folders().isEmpty()) {
            return VersionedRead.requireVersion(id, ListMapper.toResource(folder.folders().get(0), members(folder)));
        }
        throw notFound(idPart);
    }

    private QueryResult setContents(String uuid, AccessContext caller) {
        return reader.query(new RegistryQuery.GetSubmissionSetAndContents(uuid, null, null, null, null), caller);
    }

    private QueryResult folderContents(String uuid, AccessContext caller) {
        return reader.query(new RegistryQuery.GetFolderAndContents(uuid, null, null, null, null), caller);
    }

    /** The documents of a contents query: the ones the core let the caller see. */
    private static List<String> members(QueryResult contents) {
        return contents.documents().stream().map(DocumentEntryRecord::entryUuid).toList();
    }

    private static FhirRefusal notFound(String id) {
        return FhirRefusal.of(DmpErrorCode.UNKNOWN_DOCUMENT, "List/" + id
                + " is unknown, or not visible to this professional", "List.id");
    }
}
