package org.dmpgateway.mappings.fhir.common;

import org.dmpgateway.model.error.DmpErrorCode;
import org.dmpgateway.model.error.DmpException;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Code systems: the OID that XDS writes in a codingScheme and the canonical URI that FHIR writes
 * in {@code Coding.system}. The pairs live in {@code terminology/fhir-code-systems.csv} (columns
 * {@code oid,uri,name}); when several URIs share an OID (an alias, such as the ANS copy TRE_A11 of
 * the IHE format codes) the first line gives the URI written by the gateway and every line is read.
 * A system without a known URI travels as {@code urn:oid:<oid>}, both ways. MIME types (BCP-13) and
 * languages (BCP-47) are plain strings in XDS, not code systems, and are not listed.
 */
public final class FhirCodeSystems {
    /** Prefix of an OID written as a URI. */
    public static final String URN_OID = "urn:oid:";
    /**
     * The FHIR system of a coding scheme the DMP names instead of giving an OID: the official TD2.1
     * signature document codes its class and format with codingScheme {@code URN} and its type with
     * {@code ASTM} (reference-examples/dmp-official). {@code urn:oid:URN} is not a valid OID URI,
     * so such a name travels as {@code urn:dmp-gateway:coding-scheme:<name>}, both ways.
     */
    public static final String NAMED_SCHEME_URI = "urn:dmp-gateway:coding-scheme:";
    private static final Pattern NAMED_SCHEME = Pattern.compile("[A-Za-z][A-Za-z0-9_-]*");
    private static final Pattern OID = Pattern.compile("[0-2](\\.(0|[1-9][0-9]*))+");
    private static final String FILE = "/terminology/fhir-code-systems.csv";

    private static final Map<String, String> URI_BY_OID;
    private static final Map<String, String> OID_BY_URI;

    static {
        Map<String, String> uris = new LinkedHashMap<>();
        Map<String, String> oids = new LinkedHashMap<>();
        try (InputStream in = FhirCodeSystems.class.getResourceAsStream(FILE)) {
            if (in == null) {
                throw new IllegalStateException(FILE + " is missing from the classpath");
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            reader.readLine(); // header oid,uri,name
            String line;
            while ((line = reader.readLine()) != null) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] cells = line.split(",", 3);
                String oid = cells[0].trim();
                String uri = cells[1].trim();
                if (!isOid(oid) || uri.isEmpty()) {
                    throw new IllegalStateException(FILE + ": bad line " + line);
                }
                uris.putIfAbsent(oid, uri);
                oids.put(uri, oid);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        URI_BY_OID = Collections.unmodifiableMap(uris);
        OID_BY_URI = Collections.unmodifiableMap(oids);
    }

    private FhirCodeSystems() {
    }

    /** The canonical URI of a known OID, otherwise {@code urn:oid:<oid>}; null stays null. */
    public static String toUri(String oid) {
        if (oid == null) {
            return null;
        }
        String uri = URI_BY_OID.get(oid);
        if (uri != null) {
            return uri;
        }
        return isOid(oid) || !NAMED_SCHEME.matcher(oid).matches() ? URN_OID + oid : NAMED_SCHEME_URI + oid;
    }

    /**
     * The OID of a code system URI: a known URI gives its OID, {@code urn:oid:X} gives X.
     *
     * @throws DmpException METADATA_ERROR naming the system when it is an http(s) or other URI
     *                      without an OID (XDS can only carry OIDs)
     */
    public static String toOid(String uri) {
        return toOid(uri, "Coding.system");
    }

    /** As {@link #toOid(String)}, naming {@code field} (a FHIR path) in the refusal. */
    static String toOid(String uri, String field) {
        if (uri == null || uri.isBlank()) {
            throw new DmpException(DmpErrorCode.METADATA_ERROR, field + ": a code needs its code system "
                    + "(XDS carries the OID of every code system)", field);
        }
        String known = OID_BY_URI.get(uri);
        if (known != null) {
            return known;
        }
        if (uri.startsWith(URN_OID) && isOid(uri.substring(URN_OID.length()))) {
            return uri.substring(URN_OID.length());
        }
        if (uri.startsWith(NAMED_SCHEME_URI) && NAMED_SCHEME.matcher(uri.substring(NAMED_SCHEME_URI.length())).matches()) {
            return uri.substring(NAMED_SCHEME_URI.length());
        }
        throw new DmpException(DmpErrorCode.METADATA_ERROR, field + ": code system " + uri
                + " has no known OID; XDS needs an OID (write it as urn:oid:<oid>)", field);
    }

    /** True for a known URI or a urn:oid URI. */
    public static boolean isKnown(String uri) {
        return uri != null && (OID_BY_URI.containsKey(uri)
                || (uri.startsWith(URN_OID) && isOid(uri.substring(URN_OID.length())))
                || (uri.startsWith(NAMED_SCHEME_URI)
                        && NAMED_SCHEME.matcher(uri.substring(NAMED_SCHEME_URI.length())).matches()));
    }

    /** Every OID -> URI pair the gateway writes. */
    public static Map<String, String> all() {
        return URI_BY_OID;
    }

    public static boolean isOid(String s) {
        return s != null && OID.matcher(s).matches();
    }
}
