package org.dmpgateway.core.update;

import org.dmpgateway.model.CodedValue;
import org.dmpgateway.model.DmpConfidentiality;
import org.dmpgateway.model.DocumentEntryRecord;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;

/**
 * What a new metadata version changes compared with the current one, to decide who may make it:
 * a change limited to the DMP visibility statuses among the confidentiality codes (MASQUE_PS,
 * INVISIBLE_PATIENT, INVISIBLE_REPRESENTANTS_LEGAUX added or removed) is a masking change, which
 * the patient's admin doctor may make too; any other difference is a metadata change, for the
 * author only. Codes compare on code and code system (display names are ignored); code lists
 * compare as sets. Not compared: what the registry assigns or keeps (entryUUID, logicalId,
 * version, status, homeCommunityId, and hash, size, repositoryUniqueId, which the core checks on
 * their own) and the patient (checked on its own).
 */
final class MetadataChanges {
    private final List<String> fields;
    private final List<CodedValue> added;
    private final List<CodedValue> removed;

    private MetadataChanges(List<String> fields, List<CodedValue> added, List<CodedValue> removed) {
        this.fields = List.copyOf(fields);
        this.added = List.copyOf(added);
        this.removed = List.copyOf(removed);
    }

    static MetadataChanges between(DocumentEntryRecord current, DocumentEntryRecord proposed) {
        List<String> fields = new ArrayList<>();
        Diff diff = new Diff(current, proposed, fields);
        diff.value("sourcePatientId", DocumentEntryRecord::sourcePatientId);
        diff.value("sourcePatientInfo", DocumentEntryRecord::sourcePatientInfo);
        diff.value("objectType (on-demand)", DocumentEntryRecord::onDemand);
        diff.code("classCode", DocumentEntryRecord::classCode);
        diff.code("typeCode", DocumentEntryRecord::typeCode);
        diff.code("formatCode", DocumentEntryRecord::formatCode);
        diff.code("healthcareFacilityTypeCode", DocumentEntryRecord::healthcareFacilityTypeCode);
        diff.code("practiceSettingCode", DocumentEntryRecord::practiceSettingCode);
        diff.codes("eventCodeList", DocumentEntryRecord::eventCodes);
        diff.value("creationTime", DocumentEntryRecord::creationTime);
        diff.value("serviceStartTime", DocumentEntryRecord::serviceStartTime);
        diff.value("serviceStopTime", DocumentEntryRecord::serviceStopTime);
        diff.value("author", DocumentEntryRecord::authors);
        diff.value("title", DocumentEntryRecord::title);
        diff.value("comments", DocumentEntryRecord::comments);
        diff.value("languageCode", DocumentEntryRecord::languageCode);
        diff.value("mimeType", DocumentEntryRecord::mimeType);
        diff.value("URI", DocumentEntryRecord::uri);
        diff.value("legalAuthenticator", DocumentEntryRecord::legalAuthenticator);
        diff.value("referenceIdList", DocumentEntryRecord::referenceIds);
        diff.value("documentAvailability", DocumentEntryRecord::documentAvailability);
        diff.value("limitedMetadata", DocumentEntryRecord::limitedMetadata);
        diff.value("extra metadata", DocumentEntryRecord::extraMetadata);

        Set<Key> before = keys(current.confidentialityCodes());
        Set<Key> after = keys(proposed.confidentialityCodes());
        List<CodedValue> added = proposed.confidentialityCodes().stream().filter(c -> !before.contains(Key.of(c))).toList();
        List<CodedValue> removed = current.confidentialityCodes().stream().filter(c -> !after.contains(Key.of(c))).toList();
        boolean otherCodes = added.stream().anyMatch(c -> !DmpConfidentiality.isVisibilityStatus(c))
                || removed.stream().anyMatch(c -> !DmpConfidentiality.isVisibilityStatus(c));
        if (otherCodes) {
            fields.add(0, "confidentialityCode (" + describe(added, removed) + ")");
        }
        return new MetadataChanges(fields, otherCodes ? List.of() : added, otherCodes ? List.of() : removed);
    }

    /** True when the new version changes nothing but visibility statuses (or nothing at all). */
    boolean visibilityOnly() {
        return fields.isEmpty();
    }

    /** The changed fields other than the visibility statuses, for messages. */
    List<String> otherFields() {
        return fields;
    }

    /** A short description for the trace, e.g. {@code +MASQUE_PS}, {@code title, comments}. */
    String describe() {
        List<String> parts = new ArrayList<>();
        if (!added.isEmpty() || !removed.isEmpty()) {
            parts.add(describe(added, removed));
        }
        parts.addAll(fields);
        return parts.isEmpty() ? "no change" : String.join(", ", parts);
    }

    private static String describe(List<CodedValue> added, List<CodedValue> removed) {
        List<String> parts = new ArrayList<>();
        added.forEach(c -> parts.add("+" + c.code()));
        removed.forEach(c -> parts.add("-" + c.code()));
        return String.join(" ", parts);
    }

    private static Set<Key> keys(List<CodedValue> codes) {
        Set<Key> keys = new LinkedHashSet<>();
        codes.forEach(c -> keys.add(Key.of(c)));
        return keys;
    }

    /** A code's identity: code and code system. */
    private record Key(String code, String system) {
        static Key of(CodedValue c) {
            return c == null ? null : new Key(c.code(), c.codeSystem());
        }
    }

    private record Diff(DocumentEntryRecord current, DocumentEntryRecord proposed, List<String> fields) {
        void value(String name, Function<DocumentEntryRecord, Object> get) {
            if (!Objects.equals(get.apply(current), get.apply(proposed))) {
                fields.add(name);
            }
        }

        void code(String name, Function<DocumentEntryRecord, CodedValue> get) {
            if (!Objects.equals(Key.of(get.apply(current)), Key.of(get.apply(proposed)))) {
                fields.add(name);
            }
        }

        void codes(String name, Function<DocumentEntryRecord, List<CodedValue>> get) {
            if (!keys(get.apply(current)).equals(keys(get.apply(proposed)))) {
                fields.add(name);
            }
        }
    }
}
