package org.dmpgateway.core.query;

import org.apache.camel.Header;
import org.dmpgateway.config.DmpProperties;
import org.dmpgateway.core.policy.AccessPolicy;
import org.dmpgateway.core.policy.Admission;
import org.dmpgateway.core.trail.AccessTrail;
import org.dmpgateway.model.AssociationKind;
import org.dmpgateway.model.AssociationRecord;
import org.dmpgateway.model.CoreEndpoints;
import org.dmpgateway.model.FolderRecord;
import org.dmpgateway.model.SubmissionSetRecord;
import org.dmpgateway.model.access.AccessContext;
import org.dmpgateway.model.query.AssociationCriteria;
import org.dmpgateway.model.query.DocumentCriteria;
import org.dmpgateway.model.query.FoundLists;
import org.dmpgateway.model.query.ListSearch;
import org.dmpgateway.model.trail.TraceAction;
import org.dmpgateway.repository.DocumentKey;
import org.dmpgateway.repository.RegistryRepository;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * ITI-66 Find Document Lists as one query: the submission sets and folders of a List search, each
 * with its members, the documents its HasMember associations reference that the caller may see
 * (habilitation, masking, deleted entries: {@link Admission#visibility()}, decided in SQL as for
 * GetSubmissionSetAndContents). One admission, one trace naming the members of all the Lists (each
 * document once); {@code dmp.xds.max-query-results} caps the number of Lists, sets and folders
 * together, not their members. The statements do not grow with the number of Lists: the sets, the
 * folders, the HasMember associations of all of them, the keys of the visible members (never their
 * records); a reference to anything but a document (a folder, a folder-membership association) is
 * no member.
 */
@Component
public class ListMembers {
    private final RegistryRepository repository;
    private final AccessPolicy policy;
    private final AccessTrail trail;
    private final TransactionTemplate transaction;
    private final int maxResults;

    /** With {@code dmp.xds.max-query-results} of the configuration tree. */
    @Autowired
    public ListMembers(RegistryRepository repository, AccessPolicy policy, AccessTrail trail,
                       TransactionTemplate transaction, DmpProperties.Xds xds) {
        this(repository, policy, trail, transaction, xds.maxQueryResults());
    }

    public ListMembers(RegistryRepository repository, AccessPolicy policy, AccessTrail trail,
                       TransactionTemplate transaction, int maxResults) {
        this.repository = repository;
        this.policy = policy;
        this.trail = trail;
        this.transaction = transaction;
        this.maxResults = maxResults;
    }

    public FoundLists find(ListSearch search, @Header(CoreEndpoints.ACCESS_CONTEXT) AccessContext caller) {
        StoredQueries.require(search.selection());
        Admission admission = policy.admit(caller, search.patient(), TraceAction.QUERY);
        List<SubmissionSetRecord> sets = search.submissionSets() == null ? List.of() : repository.findSubmissionSets(
                search.submissionSets().criteria().toBuilder().patient(admission.patient()).build());
        List<FolderRecord> folders = search.folders() == null ? List.of() : repository.findFolders(
                search.folders().criteria().toBuilder().patient(admission.patient()).build());
        if (sets.size() + folders.size() > maxResults) {
            throw StoredQueries.tooMany(maxResults);
        }
        List<String> lists = new ArrayList<>(sets.size() + folders.size());
        sets.forEach(s -> lists.add(s.entryUuid()));
        folders.forEach(f -> lists.add(f.entryUuid()));
        List<DocumentKey> members = new ArrayList<>();
        Map<String, List<String>> membersByList = members(lists, admission, members);
        trail.readSucceeded(transaction, admission, TraceAction.QUERY, members.stream().map(DocumentKey::uniqueId).toList(),
                search.queryNames() + " with members: " + members.size() + " documents");
        return new FoundLists(sets, folders, membersByList);
    }

    /**
     * The visible documents each of these Lists references, by List, in insertion order; {@code keys}
     * receives the keys of all of them, each document once.
     */
    private Map<String, List<String>> members(List<String> lists, Admission admission, List<DocumentKey> keys) {
        if (lists.isEmpty()) {
            return Map.of();
        }
        Map<String, Set<String>> listsOfTarget = new HashMap<>();
        for (AssociationRecord a : repository.findAssociations(AssociationCriteria.builder().sourceUuids(lists)
                .kinds(List.of(AssociationKind.HAS_MEMBER)).build())) {
            listsOfTarget.computeIfAbsent(a.targetUuid(), t -> new LinkedHashSet<>()).add(a.sourceUuid());
        }
        if (listsOfTarget.isEmpty()) {
            return Map.of();
        }
        keys.addAll(repository.findDocumentKeys(DocumentCriteria.builder().entryUuids(List.copyOf(listsOfTarget.keySet()))
                .patient(admission.patient()).visibility(admission.visibility()).build()));
        Map<String, List<String>> byList = new HashMap<>();
        for (DocumentKey key : keys) {
            for (String list : listsOfTarget.get(key.entryUuid())) {
                byList.computeIfAbsent(list, l -> new ArrayList<>()).add(key.entryUuid());
            }
        }
        return byList;
    }
}
