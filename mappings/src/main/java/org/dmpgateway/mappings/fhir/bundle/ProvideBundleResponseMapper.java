package org.dmpgateway.mappings.fhir.bundle;

import org.dmpgateway.mappings.fhir.documentreference.DocumentReferenceIds;
import org.dmpgateway.mappings.fhir.list.ListMapper;
import org.dmpgateway.mappings.fhir.common.MhdUrls;
import org.dmpgateway.model.DocumentEntryRecord;
import org.dmpgateway.model.FolderRecord;
import org.dmpgateway.model.Submission;
import org.hl7.fhir.r4.model.Binary;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Bundle.BundleEntryComponent;
import org.hl7.fhir.r4.model.Bundle.HTTPVerb;
import org.hl7.fhir.r4.model.DocumentReference;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.ListResource;
import org.hl7.fhir.r4.model.Resource;

import java.util.HashMap;
import java.util.Map;

/** The transaction-response Bundle of an accepted ITI-65 Provide Document Bundle. */
public final class ProvideBundleResponseMapper {
    private ProvideBundleResponseMapper() {
    }

    /**
     * The transaction-response of an accepted Provide Document Bundle: one entry per request entry, in
     * order, with status {@code 201 Created} and the location of what the registry stored
     * ({@code List/<id>}, {@code DocumentReference/<id>}, {@code Binary/<id of its document>}); a folder
     * PUT and an accepted PATCH answer {@code 200 OK}.
     *
     * @param stored the submission as SUBMIT_DOCUMENTS returns it (registry ids, in request order)
     */
    public static Bundle toResponse(Bundle request, Submission stored) {
        Bundle response = new Bundle().setType(Bundle.BundleType.TRANSACTIONRESPONSE);
        response.getMeta().addProfile(MhdUrls.PROFILE_PROVIDE_BUNDLE_RESPONSE);
        Map<String, DocumentEntryRecord> byUniqueId = new HashMap<>();
        stored.documents().forEach(d -> byUniqueId.put(d.entry().uniqueId(), d.entry()));
        Map<String, FolderRecord> foldersByUniqueId = new HashMap<>();
        stored.folders().forEach(f -> foldersByUniqueId.put(f.uniqueId(), f));
        Map<String, String> documentIdByBinary = new HashMap<>();
        for (BundleEntryComponent e : request.getEntry()) {
            if (e.getResource() instanceof DocumentReference d && d.getContentFirstRep().getAttachment().hasUrl()) {
                DocumentEntryRecord entry = storedDocument(d, byUniqueId);
                String url = d.getContentFirstRep().getAttachment().getUrl();
                for (BundleEntryComponent b : request.getEntry()) {
                    if (b.getResource() instanceof Binary && (url.equals(b.getFullUrl())
                            || url.equals("Binary/" + b.getResource().getIdElement().getIdPart()))) {
                        documentIdByBinary.put(b.getFullUrl(), bare(entry.entryUuid()));
                    }
                }
            }
        }
        for (BundleEntryComponent e : request.getEntry()) {
            Resource r = e.getResource();
            String status = "201 Created";
            String location;
            String etag = null;
            if (e.getRequest().getMethod() == HTTPVerb.PATCH) {
                status = "200 OK";
                location = e.getRequest().getUrl();
            } else if (r instanceof DocumentReference d) {
                DocumentEntryRecord entry = storedDocument(d, byUniqueId);
                location = "DocumentReference/" + bare(entry.entryUuid());
                etag = entry.version() == null ? null : "W/\"" + entry.version() + "\"";
            } else if (r instanceof Binary) {
                location = "Binary/" + documentIdByBinary.get(e.getFullUrl());
            } else if (r instanceof ListResource l && ListMapper.SUBMISSION_SET.equals(ListMapper.listType(l))) {
                location = "List/" + bare(stored.submissionSet().entryUuid());
            } else if (r instanceof ListResource l && e.getRequest().getMethod() == HTTPVerb.PUT) {
                status = "200 OK";
                location = e.getRequest().getUrl();
            } else if (r instanceof ListResource l) {
                String uniqueId = l.getIdentifier().stream().filter(i -> i.getUse() != Identifier.IdentifierUse.OFFICIAL)
                        .map(i -> DocumentReferenceIds.uniqueIdFromValue(i.getValue(), "List.identifier")).findFirst().orElse(null);
                FolderRecord f = foldersByUniqueId.get(uniqueId);
                if (f == null) {
                    throw new IllegalArgumentException("the stored submission has no folder " + uniqueId);
                }
                location = "List/" + bare(f.entryUuid());
            } else {
                throw new IllegalArgumentException("entry " + e.getFullUrl() + " was not part of the stored submission");
            }
            Bundle.BundleEntryResponseComponent answer = response.addEntry().getResponse().setStatus(status).setLocation(location);
            if (etag != null) {
                answer.setEtag(etag);
            }
        }
        return response;
    }

    private static DocumentEntryRecord storedDocument(DocumentReference d, Map<String, DocumentEntryRecord> byUniqueId) {
        String uniqueId = DocumentReferenceIds.uniqueIdFromValue(d.getMasterIdentifier().getValue(),
                "DocumentReference.masterIdentifier");
        DocumentEntryRecord entry = byUniqueId.get(uniqueId);
        if (entry == null) {
            throw new IllegalArgumentException("the stored submission has no document " + uniqueId);
        }
        return entry;
    }

    private static String bare(String uuid) {
        return uuid != null && uuid.startsWith("urn:uuid:") ? uuid.substring(9) : uuid;
    }
}
