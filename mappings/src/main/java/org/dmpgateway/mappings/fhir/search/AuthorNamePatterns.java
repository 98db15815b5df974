package org.dmpgateway.mappings.fhir.search;

import ca.uhn.fhir.rest.param.ReferenceAndListParam;
import ca.uhn.fhir.rest.param.ReferenceOrListParam;
import ca.uhn.fhir.rest.param.ReferenceParam;
import ca.uhn.fhir.rest.param.StringParam;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The chained name searches {@code author.given} / {@code author.family} (ITI-67) and
 * {@code source.given} / {@code source.family} (ITI-66) as authorPerson LIKE patterns on the XCN
 * (see {@link SearchTokens#personPatterns}): one pattern list for each family x given pair; a
 * comma separates alternatives (OR), a chain given twice is refused (XDS cannot AND two persons).
 */
public final class AuthorNamePatterns {
    private AuthorNamePatterns() {
    }

    /** The patterns, or null when the parameter is absent; {@code parameter} is "author" or "source". */
    public static List<String> patterns(ReferenceAndListParam names, String parameter) {
        if (names == null || names.getValuesAsQueryTokens().isEmpty()) {
            return null;
        }
        List<String> families = null;
        List<String> givens = null;
        for (ReferenceOrListParam or : names.getValuesAsQueryTokens()) {
            List<String> values = new ArrayList<>();
            String chain = null;
            for (ReferenceParam ref : or.getValuesAsQueryTokens()) {
                String c = ref.getChain();
                if (!"given".equals(c) && !"family".equals(c)) {
                    throw SearchTokens.invalid(parameter + (c == null || c.isEmpty() ? "" : "." + c),
                            "only " + parameter + ".given and " + parameter + ".family are supported");
                }
                chain = c;
                values.add(SearchTokens.namePart(new StringParam(ref.getValue()), parameter + "." + c));
            }
            if ("family".equals(chain)) {
                if (families != null) {
                    throw SearchTokens.invalid(parameter + ".family", "give it once (values separated by commas)");
                }
                families = values;
            } else {
                if (givens != null) {
                    throw SearchTokens.invalid(parameter + ".given", "give it once (values separated by commas)");
                }
                givens = values;
            }
        }
        List<String> patterns = new ArrayList<>();
        for (String family : families == null ? Collections.<String>singletonList(null) : families) {
            for (String given : givens == null ? Collections.<String>singletonList(null) : givens) {
                patterns.addAll(SearchTokens.personPatterns(family, given));
            }
        }
        return patterns;
    }
}
