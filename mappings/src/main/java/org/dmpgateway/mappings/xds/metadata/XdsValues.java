package org.dmpgateway.mappings.xds.metadata;

import org.dmpgateway.mappings.xds.iti18.QueryParameters;
import org.dmpgateway.model.AssociationKind;
import org.dmpgateway.model.CodedValue;
import org.dmpgateway.model.EntryStatus;
import org.dmpgateway.model.PatientRef;
import org.openehealth.ipf.commons.ihe.xds.core.metadata.AssigningAuthority;
import org.openehealth.ipf.commons.ihe.xds.core.metadata.AssociationType;
import org.openehealth.ipf.commons.ihe.xds.core.metadata.AvailabilityStatus;
import org.openehealth.ipf.commons.ihe.xds.core.metadata.Code;
import org.openehealth.ipf.commons.ihe.xds.core.metadata.DocumentEntryType;
import org.openehealth.ipf.commons.ihe.xds.core.metadata.Hl7v2Based;
import org.openehealth.ipf.commons.ihe.xds.core.metadata.Identifiable;
import org.openehealth.ipf.commons.ihe.xds.core.metadata.LocalizedString;
import org.openehealth.ipf.commons.ihe.xds.core.metadata.Timestamp;
import org.openehealth.ipf.commons.ihe.xds.core.metadata.Version;
import org.openehealth.ipf.commons.ihe.xds.core.metadata.Vocabulary;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * Conversions of single XDS values between IPF's model and the internal model that cannot fail:
 * codes, patient identifiers, timestamps, localized strings, statuses, HL7v2 composites and
 * extra-metadata maps. Conversions that can meet malformed input live in {@link MetadataReader}
 * and {@link QueryParameters}, which name the offending field.
 */
public final class XdsValues {
    private XdsValues() {
    }

    static Code code(CodedValue c) {
        return c == null ? null : new Code(c.code(), text(c.displayName()), c.codeSystem());
    }

    static List<Code> ipfCodes(List<CodedValue> codes) {
        return map(codes, XdsValues::code);
    }

    static Identifiable patient(PatientRef ref) {
        return ref == null ? null
                : new Identifiable(ref.id(), new AssigningAuthority(ref.authority(), Vocabulary.UNIVERSAL_ID_TYPE_OID));
    }

    /**
     * The patient id of a record: the CX as the XDS request sent it when kept (IPF's model keeps all
     * its components, {@link ValuesAsSent} writes them back), else the reference's {@code id^^^&OID&ISO}.
     */
    static Identifiable patient(PatientRef ref, String asSent) {
        return asSent == null ? patient(ref) : Hl7v2Based.parse(asSent, Identifiable.class);
    }

    /** The patient reference of a CX with id and assigning authority OID, or null when either is missing. */
    public static PatientRef patientRef(Identifiable id) {
        var authority = id.getAssigningAuthority();
        if (id.getId() == null || id.getId().isBlank() || authority == null
                || authority.getUniversalId() == null || authority.getUniversalId().isBlank()) {
            return null;
        }
        return new PatientRef(id.getId(), authority.getUniversalId());
    }

    /** The association kind of an IPF association type (same ebXML URN), or null when the gateway has none. */
    public static AssociationKind kind(AssociationType type) {
        for (AssociationKind k : AssociationKind.values()) {
            if (k.urn().equals(type.getOpcode30())) {
                return k;
            }
        }
        return null;
    }

    static String time(Timestamp t) {
        return Timestamp.toHL7(t);
    }

    /**
     * A record's HL7 time as IPF writes it back (parsed into its Timestamp, then rendered); null for
     * null. A time of digits alone at a precision IPF keeps (year to second, no zone, as the
     * registry stores most of them) comes back unchanged, so it is given as it is without the parse.
     */
    static String hl7Time(String hl7) {
        if (hl7 == null) {
            return null;
        }
        return isPlainTime(hl7) ? hl7 : Timestamp.toHL7(Timestamp.fromHL7(hl7));
    }

    private static boolean isPlainTime(String hl7) {
        int n = hl7.length();
        if (n < 4 || n > 14 || n % 2 != 0) {
            return false;
        }
        for (int i = 0; i < n; i++) {
            if (hl7.charAt(i) < '0' || hl7.charAt(i) > '9') {
                return false;
            }
        }
        return true;
    }

    public static String text(LocalizedString s) {
        return s == null ? null : s.getValue();
    }

    public static LocalizedString text(String s) {
        return s == null ? null : new LocalizedString(s);
    }

    static String render(Hl7v2Based<?> value) {
        return Hl7v2Based.render(value);
    }

    static <T extends Hl7v2Based<?>> List<String> renderAll(List<T> values) {
        return map(values, XdsValues::render);
    }

    static String versionName(Version v) {
        return v == null ? null : v.getVersionName();
    }

    static Version version(String name) {
        return name == null ? null : new Version(name);
    }

    /** IPF knows Approved and Deprecated only. */
    static EntryStatus status(AvailabilityStatus s) {
        if (s == null) {
            return null;
        }
        return s == AvailabilityStatus.DEPRECATED ? EntryStatus.DEPRECATED : EntryStatus.APPROVED;
    }

    /**
     * IPF knows Approved and Deprecated only: DEPRECATED maps to Deprecated; APPROVED, and for now
     * the CI-SIS ARCHIVED and DELETED statuses and SUBMITTED, map to Approved. The DMP-specific
     * presentation of Archived and Deleted over XDS is left to the DMP rules.
     */
    static AvailabilityStatus status(EntryStatus s) {
        if (s == null) {
            return null;
        }
        return s == EntryStatus.DEPRECATED ? AvailabilityStatus.DEPRECATED : AvailabilityStatus.APPROVED;
    }

    /** Status URN as kept in an association record (ebRIM or CI-SIS), or null when unknown. */
    static String statusUrn(AvailabilityStatus s) {
        return s == null ? null : s.getQueryOpcode();
    }

    /** A status URN of an association record to IPF, through {@link #status(EntryStatus)}. */
    static AvailabilityStatus statusFromUrn(String urn) {
        if (urn == null) {
            return null;
        }
        for (EntryStatus s : EntryStatus.values()) {
            if (s.urn().equals(urn)) {
                return status(s);
            }
        }
        return AvailabilityStatus.valueOfOpcode(urn);
    }

    /** Null or empty list of statuses: null; IPF's unknown statuses (null elements) are dropped. */
    public static List<EntryStatus> statuses(List<AvailabilityStatus> statuses) {
        if (statuses == null || statuses.isEmpty()) {
            return null;
        }
        return statuses.stream().filter(Objects::nonNull).map(XdsValues::status).distinct().toList();
    }

    /**
     * IHE default when no type is given: stable entries only (false). Only on-demand: true. Both:
     * null (no filter).
     */
    public static Boolean onDemand(List<DocumentEntryType> types) {
        if (types == null || types.isEmpty()) {
            return false;
        }
        boolean stable = types.contains(DocumentEntryType.STABLE);
        boolean onDemand = types.contains(DocumentEntryType.ON_DEMAND);
        if (stable && onDemand) {
            return null;
        }
        return onDemand;
    }

    /** IPF extra metadata to the record form: null becomes empty, null names / values are dropped. */
    static Map<String, List<String>> extraToRecord(Map<String, List<String>> m) {
        Map<String, List<String>> out = new HashMap<>();
        if (m != null) {
            m.forEach((name, values) -> {
                if (name != null && values != null) {
                    out.put(name, values.stream().filter(Objects::nonNull).toList());
                }
            });
        }
        return out;
    }

    /** Record extra metadata to IPF: empty becomes null (IPF's value when there is none). */
    static Map<String, List<String>> extraToXds(Map<String, List<String>> m) {
        if (m == null || m.isEmpty()) {
            return null;
        }
        Map<String, List<String>> out = new HashMap<>();
        m.forEach((name, values) -> out.put(name, new ArrayList<>(values)));
        return out;
    }

    /** Maps each element, dropping nulls; a null list gives an empty list. */
    static <A, B> List<B> map(List<A> values, Function<A, B> f) {
        List<B> out = new ArrayList<>();
        if (values != null) {
            for (A a : values) {
                B b = a == null ? null : f.apply(a);
                if (b != null) {
                    out.add(b);
                }
            }
        }
        return out;
    }
}
