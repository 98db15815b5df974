package org.dmpgateway.core.account;

import org.dmpgateway.model.CodedValue;
import org.dmpgateway.model.DocumentEntryRecord;
import org.dmpgateway.model.account.DocumentCategory;

import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Where Mon espace santé files a document (docs/sources/dmp-rules.md section 2: "documents from
 * professionals are classified automatically from their type"). The official table is not public;
 * this is our reading, documented in docs/patient-api.md ("Categories"): the DMP class code
 * (JDV_J57-ClassCode-DMP) decides, refined by a few LOINC type codes (biology reports,
 * vaccinations).
 */
final class DocumentCategories {
    /** LOINC: "CR d'examens biologiques". */
    static final String BIOLOGY_REPORT = "11502-2";
    /** LOINC: vaccination note, vaccination history. */
    static final Set<String> VACCINATION = Set.of("87273-9", "11369-6");

    private static final Map<String, DocumentCategory> BY_CLASS = Map.ofEntries(
            Map.entry("10", DocumentCategory.COMPTES_RENDUS),
            Map.entry("11", DocumentCategory.MA_SANTE_EN_RESUME),
            Map.entry("31", DocumentCategory.IMAGERIE),
            Map.entry("42", DocumentCategory.ORDONNANCES_ET_SOINS),
            Map.entry("43", DocumentCategory.ORDONNANCES_ET_SOINS),
            Map.entry("44", DocumentCategory.ORDONNANCES_ET_SOINS),
            Map.entry("45", DocumentCategory.ORDONNANCES_ET_SOINS),
            Map.entry("52", DocumentCategory.CERTIFICATS),
            Map.entry("60", DocumentCategory.ADMINISTRATIF),
            Map.entry("90", DocumentCategory.AUTRES),
            Map.entry("95", DocumentCategory.ADMINISTRATIF));

    private DocumentCategories() {
    }

    static DocumentCategory of(DocumentEntryRecord entry) {
        String type = code(entry.typeCode());
        if (BIOLOGY_REPORT.equals(type)) {
            return DocumentCategory.BIOLOGIE;
        }
        if (type != null && VACCINATION.contains(type)) {
            return DocumentCategory.PREVENTION;
        }
        // the immutable Set.of / Map.ofEntries refuse a null lookup: an entry without a code is "other"
        String classCode = code(entry.classCode());
        return classCode == null ? DocumentCategory.AUTRES : BY_CLASS.getOrDefault(classCode, DocumentCategory.AUTRES);
    }

    /** The category a patient typed (its name, e.g. {@code COMPTES_RENDUS}); null or blank: every category. */
    static DocumentCategory parse(String typed) {
        if (typed == null || typed.isBlank()) {
            return null;
        }
        try {
            return DocumentCategory.valueOf(typed.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw Fields.invalid("category", "catégorie inconnue « " + typed.strip() + " » ; valeurs possibles : "
                    + String.join(", ", Arrays.stream(DocumentCategory.values()).map(Enum::name).toList())
                    + ".");
        }
    }

    private static String code(CodedValue c) {
        return c == null ? null : c.code();
    }
}
