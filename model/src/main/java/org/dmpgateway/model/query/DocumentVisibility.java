package org.dmpgateway.model.query;

import org.dmpgateway.model.CodedValue;

import java.util.List;

/**
 * What a professional may see of a record, applied by the repository inside the selection itself
 * (so that a cap or a page is cut after filtering, never before). Built by the core's policy.
 *
 * @param authorId        the caller's national identifier: documents whose author person (XCN
 *                        component 1) is this id stay visible to them even when masked
 * @param seesMasked      masked documents are visible (admin doctor; emergency with the patient's switch)
 * @param maskAll         the patient masked every document: only the caller's own ones remain
 *                        (unless {@code seesMasked})
 * @param maskingCodes    the confidentiality codes that mask a document from professionals
 *                        (MASQUE_PS of TRE_A07)
 * @param types           the document types the caller's profession may handle
 */
public record DocumentVisibility(String authorId, boolean seesMasked, boolean maskAll, List<CodedValue> maskingCodes,
                                 TypeFilter types) {
    public DocumentVisibility {
        maskingCodes = List.copyOf(maskingCodes == null ? List.of() : maskingCodes);
        types = types == null ? TypeFilter.ALL : types;
    }

    /**
     * The document types one profession may handle: every type but {@code exceptions}
     * ({@code allowByDefault}), or only {@code exceptions}. Types match on the code alone (the DMP's
     * LOINC and TRE_A05 codes do not collide).
     */
    public record TypeFilter(boolean allowByDefault, List<String> exceptions) {
        public static final TypeFilter ALL = new TypeFilter(true, List.of());

        public TypeFilter {
            exceptions = List.copyOf(exceptions == null ? List.of() : exceptions);
        }

        public boolean allows(String typeCode) {
            return allowByDefault != exceptions.contains(typeCode);
        }
    }
}
