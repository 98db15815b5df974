package org.dmpgateway.mappings.fhir.search;

import org.dmpgateway.mappings.fhir.common.FhirCodeSystems;
import org.dmpgateway.mappings.fhir.patient.PatientIds;
import ca.uhn.fhir.rest.param.ReferenceParam;
import ca.uhn.fhir.rest.param.StringParam;
import ca.uhn.fhir.rest.param.TokenAndListParam;
import ca.uhn.fhir.rest.param.TokenOrListParam;
import ca.uhn.fhir.rest.param.TokenParam;
import org.dmpgateway.model.error.DmpErrorCode;
import org.dmpgateway.model.error.DmpException;
import org.dmpgateway.model.CodedValue;
import org.dmpgateway.model.PatientRef;

import java.util.ArrayList;
import java.util.List;

/**
 * The FHIR search parameter values shared by the ITI-67 and ITI-66 mappings, read into the values
 * of the stored queries: coded tokens ({@code system|code}, the system URI turned into its OID),
 * the patient ({@code patient=Patient/<id>} or {@code patient.identifier=<INS system>|<INS>}),
 * identifiers, and name parts. Every refusal is INVALID_QUERY_PARAMETER (HTTP 400) naming the
 * parameter.
 */
public final class SearchTokens {
    /** The {@code identifier} system of URN values (uniqueId {@code urn:oid:}, entryUUID {@code urn:uuid:}). */
    public static final String RFC_3986 = "urn:ietf:rfc:3986";
    static final String URN_UUID = "urn:uuid:";

    private SearchTokens() {
    }

    /** A refusal of a search parameter: HTTP 400 with the parameter as the expression. */
    public static DmpException invalid(String parameter, String message) {
        return new DmpException(DmpErrorCode.INVALID_QUERY_PARAMETER, "search parameter '" + parameter + "': "
                + message, parameter);
    }

    /** A missing mandatory parameter. */
    public static DmpException missing(String parameter, String why) {
        return new DmpException(DmpErrorCode.INVALID_QUERY_PARAMETER, "search parameter '" + parameter
                + "' is required: " + why, parameter);
    }

    /**
     * The patient of {@code patient} ({@code Patient/<INS>-<authority OID>}, the bare id or an
     * absolute URL ending so) or of {@code patient.identifier} ({@code urn:oid:<INS authority>|<INS>}).
     */
    public static PatientRef patient(ReferenceParam patient) {
        if (patient == null) {
            return null;
        }
        String chain = patient.getChain();
        try {
            if (chain == null || chain.isEmpty()) {
                String type = patient.getResourceType();
                if (type != null && !"Patient".equals(type)) {
                    throw invalid("patient", "a reference to a Patient is expected, not to " + type);
                }
                return PatientIds.fromResourceId(patient.getIdPart());
            }
            if ("identifier".equals(chain)) {
                TokenParam token = new TokenParam();
                token.setValueAsQueryToken(null, "identifier", null, patient.getValue());
                if (token.getSystem() == null || token.getValue() == null || token.getValue().isBlank()) {
                    throw invalid("patient.identifier", "expected <INS system>|<INS>, e.g. "
                            + "urn:oid:1.2.250.1.213.1.4.8|<15 digits>");
                }
                return PatientIds.fromIdentifier(token.getSystem(), token.getValue());
            }
        } catch (DmpException e) {
            if (e.code() == DmpErrorCode.INVALID_QUERY_PARAMETER) {
                throw e;
            }
            String name = chain == null || chain.isEmpty() ? "patient" : "patient." + chain;
            throw invalid(name, e.getMessage());
        }
        throw invalid("patient." + chain, "only the chain patient.identifier is supported");
    }

    /** Coded tokens {@code system|code} as coded values (OR), or null when the parameter is absent. */
    public static List<CodedValue> codes(TokenOrListParam tokens, String parameter) {
        if (tokens == null || tokens.getValuesAsQueryTokens().isEmpty()) {
            return null;
        }
        List<CodedValue> codes = new ArrayList<>();
        for (TokenParam token : tokens.getValuesAsQueryTokens()) {
            codes.add(code(token, parameter));
        }
        return codes;
    }

    /** Coded tokens as AND-of-OR groups (repeated parameter: AND; comma: OR), or null when absent. */
    public static List<List<CodedValue>> codeGroups(TokenAndListParam tokens, String parameter) {
        if (tokens == null || tokens.getValuesAsQueryTokens().isEmpty()) {
            return null;
        }
        List<List<CodedValue>> groups = new ArrayList<>();
        for (TokenOrListParam or : tokens.getValuesAsQueryTokens()) {
            groups.add(codes(or, parameter));
        }
        return groups;
    }

    /** One {@code system|code}: both are required (XDS codes carry their code system's OID). */
    static CodedValue code(TokenParam token, String parameter) {
        plain(token, parameter);
        if (token.getSystem() == null || token.getSystem().isBlank() || token.getValue() == null
                || token.getValue().isBlank()) {
            throw invalid(parameter, "give the code with its code system: <system>|<code> (got '"
                    + token.getValueAsQueryToken(null) + "')");
        }
        String oid;
        try {
            oid = FhirCodeSystems.toOid(token.getSystem());
        } catch (DmpException e) {
            throw invalid(parameter, "code system " + token.getSystem()
                    + " has no known OID; write it as urn:oid:<oid>");
        }
        return new CodedValue(token.getValue(), oid, null);
    }

    /** The codes of a token list without system ({@code status=current,superseded}), or null when absent. */
    public static List<String> plainCodes(TokenOrListParam tokens, String parameter, String allowedSystem) {
        if (tokens == null || tokens.getValuesAsQueryTokens().isEmpty()) {
            return null;
        }
        List<String> codes = new ArrayList<>();
        for (TokenParam token : tokens.getValuesAsQueryTokens()) {
            plain(token, parameter);
            String system = token.getSystem();
            if (system != null && !system.isBlank() && !system.equals(allowedSystem)) {
                throw invalid(parameter, "no code system is expected here (got " + system + ")");
            }
            if (token.getValue() == null || token.getValue().isBlank()) {
                throw invalid(parameter, "a code is missing");
            }
            codes.add(token.getValue());
        }
        return codes;
    }

    /**
     * Identifier tokens, read as registry ids: {@code urn:oid:X} (or a bare OID) is a uniqueId,
     * {@code urn:uuid:X} an entryUUID. The system, when given, must be {@link #RFC_3986}.
     */
    public static Identifiers identifiers(TokenOrListParam tokens, String parameter) {
        if (tokens == null || tokens.getValuesAsQueryTokens().isEmpty()) {
            return null;
        }
        List<String> uniqueIds = new ArrayList<>();
        List<String> entryUuids = new ArrayList<>();
        for (TokenParam token : tokens.getValuesAsQueryTokens()) {
            plain(token, parameter);
            String system = token.getSystem();
            if (system != null && !system.isBlank() && !RFC_3986.equals(system)) {
                throw invalid(parameter, "identifier system " + system + " is not searchable; the registry ids "
                        + "are URNs of system " + RFC_3986 + " (urn:oid:<uniqueId> or urn:uuid:<entryUUID>)");
            }
            String value = token.getValue() == null ? "" : token.getValue().trim();
            if (value.startsWith(URN_UUID) && value.length() > URN_UUID.length()) {
                entryUuids.add(value);
            } else if (value.startsWith(FhirCodeSystems.URN_OID) && FhirCodeSystems.isOid(value.substring(FhirCodeSystems.URN_OID.length()))) {
                uniqueIds.add(value.substring(FhirCodeSystems.URN_OID.length()));
            } else if (FhirCodeSystems.isOid(value)) {
                uniqueIds.add(value);
            } else {
                throw invalid(parameter, "'" + value + "' is neither urn:oid:<uniqueId> nor urn:uuid:<entryUUID>");
            }
        }
        if (!uniqueIds.isEmpty() && !entryUuids.isEmpty()) {
            throw invalid(parameter, "give either uniqueIds (urn:oid:) or entryUUIDs (urn:uuid:) in one search, not both");
        }
        return new Identifiers(uniqueIds.isEmpty() ? null : uniqueIds, entryUuids.isEmpty() ? null : entryUuids);
    }

    /** Registry ids of an identifier search: one of the two lists is null. */
    public record Identifiers(List<String> uniqueIds, List<String> entryUuids) {
    }

    /** {@code _id} values as entryUUIDs ({@code urn:uuid:<id>}), or null when absent. */
    public static List<String> resourceIds(TokenOrListParam ids, String parameter) {
        if (ids == null || ids.getValuesAsQueryTokens().isEmpty()) {
            return null;
        }
        List<String> uuids = new ArrayList<>();
        for (TokenParam id : ids.getValuesAsQueryTokens()) {
            plain(id, parameter);
            String value = id.getValue() == null ? "" : id.getValue().trim();
            if (!value.matches("[A-Za-z0-9\\-.]{1,64}")) {
                throw invalid(parameter, "'" + value + "' is not a resource id");
            }
            uuids.add(URN_UUID + value);
        }
        return uuids;
    }

    /** Both lists at once: null stands for "no filter", so the other wins; otherwise the common values. */
    public static List<String> both(List<String> a, List<String> b) {
        if (a == null) {
            return b;
        }
        if (b == null) {
            return a;
        }
        return a.stream().filter(b::contains).toList();
    }

    /**
     * A name part for a LIKE pattern on the XCN: the value as given (the registry compares name
     * components as stored), its LIKE wildcards escaped; empty values refused.
     */
    static String namePart(StringParam value, String parameter) {
        if (value.isContains()) {
            throw invalid(parameter, "the :contains modifier is not supported");
        }
        String text = value.getValue() == null ? "" : value.getValue().trim();
        if (text.isEmpty() || text.contains("^")) {
            throw invalid(parameter, "a name part is expected (no '^')");
        }
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    /**
     * The LIKE patterns (any of them) of a person's XCN ({@code id^family^given^...}) with these
     * name parts (null: any), as MHD translates {@code author.family}/{@code author.given} into
     * {@code ^family^given^^^}: {@code %^FAMILY^GIVEN^%}, {@code %^FAMILY^%} or {@code %^%^GIVEN^%},
     * and the same ending at the last name part (an XCN without later components).
     */
    static List<String> personPatterns(String family, String given) {
        String parts;
        if (family != null && given != null) {
            parts = "%^" + family + "^" + given;
        } else if (family != null) {
            parts = "%^" + family;
        } else {
            parts = "%^%^" + given;
        }
        return List.of(parts + "^%", parts);
    }

    private static void plain(TokenParam token, String parameter) {
        if (token.getModifier() != null) {
            throw invalid(parameter, "modifier :" + token.getModifier().getValue() + " is not supported");
        }
    }
}
