package org.dmpgateway.mappings.xds.metadata;

import ca.uhn.hl7v2.model.Composite;
import org.dmpgateway.model.CodedValue;
import org.dmpgateway.model.PatientRef;
import org.openehealth.ipf.commons.ihe.xds.core.metadata.Code;
import org.openehealth.ipf.commons.ihe.xds.core.metadata.Hl7v2Based;
import org.openehealth.ipf.commons.ihe.xds.core.metadata.Identifiable;
import org.openehealth.ipf.commons.ihe.xds.core.metadata.PatientInfo;
import org.openehealth.ipf.commons.ihe.xds.core.transform.hl7.PatientInfoTransformer;

import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The values of one ITI-18 answer that IPF's model holds as HAPI objects (HL7v2 composites, codes,
 * sourcePatientInfo), each built once however many of the answer's entries carry it.
 * <p>
 * One patient's entries repeat the same patientId, sourcePatientId and sourcePatientInfo, a few
 * authors and codes; parsing each of them into HAPI's composites for every entry, and rendering
 * each composite twice more for {@link ValuesAsSent} (IHE form and form as sent), was most of the
 * cost of converting an entry (docs/performance.md, "Issue 19"). So the entries of one streamed
 * answer, written by {@link ExtrinsicObjectWriter}, share IPF's model object of an equal value and
 * its renderings: the forms of a shared composite (IHE and as sent), a sourcePatientInfo's slot
 * values. The mapping to IPF's model ({@link XdsMetadataMapper}, {@link ValuesAsSent}) uses
 * {@link #NONE}.
 * <p>
 * One instance per answer, used by one thread; it keeps at most {@value #MAX_VALUES} values, then
 * starts again empty (an answer of many distinct authors stays bounded in memory). {@link #NONE}
 * shares nothing: every value is built for its entry, as IPF's model expects by default.
 */
public final class SharedComposites {
    /** The values kept at most by one answer. */
    static final int MAX_VALUES = 256;
    /** Builds every value anew (no sharing). */
    public static final SharedComposites NONE = new SharedComposites(false);

    private static final PatientInfoTransformer PATIENT_INFO = new PatientInfoTransformer();

    private final boolean sharing;
    private final Map<Key, Object> values = new HashMap<>();
    private final Map<Hl7v2Based<?>, String[]> forms = new IdentityHashMap<>();

    private SharedComposites(boolean sharing) {
        this.sharing = sharing;
    }

    /** A memory for the entries of one answer. */
    public static SharedComposites forOneAnswer() {
        return new SharedComposites(true);
    }

    /** IPF's model of the HL7v2 composite {@code hl7} (null for null or empty), shared with the answer's equal values. */
    <C extends Composite, T extends Hl7v2Based<C>> T parse(String hl7, Class<T> type) {
        if (hl7 == null || hl7.isEmpty()) {
            return null;
        }
        return shared(type, hl7, () -> Hl7v2Based.parse(hl7, type));
    }

    /** The patient id of a record ({@link XdsValues#patient(PatientRef, String)}), shared. */
    Identifiable patient(PatientRef ref, String asSent) {
        return asSent != null ? parse(asSent, Identifiable.class)
                : ref == null ? null : shared(PatientRef.class, ref, () -> XdsValues.patient(ref));
    }

    /** IPF's code of a record's code ({@link XdsValues#code}), shared. */
    Code code(CodedValue code) {
        return code == null ? null : shared(Code.class, code, () -> XdsValues.code(code));
    }

    /** IPF's sourcePatientInfo of its lines ({@link XdsComposites#ipfPatientInfo}), shared. */
    PatientInfo patientInfo(List<String> lines) {
        return lines == null || lines.isEmpty() ? null
                : shared(PatientInfo.class, lines, () -> XdsComposites.ipfPatientInfo(lines));
    }

    /** The sourcePatientInfo slot values IPF writes for its lines (PatientInfoTransformer), shared. */
    List<String> patientInfoValues(List<String> lines) {
        PatientInfo info = patientInfo(lines);
        return info == null ? List.of()
                : shared(PatientInfoTransformer.class, lines, () -> PATIENT_INFO.toHL7(info));
    }

    /**
     * The composite's IHE form (as IPF's writer renders it) and its form as sent
     * ({@link ValuesAsSent#of}), rendered once per shared composite.
     */
    String[] forms(Hl7v2Based<?> value) {
        if (!sharing) {
            return renderForms(value);
        }
        String[] known = forms.get(value);
        if (known == null) {
            if (forms.size() >= MAX_VALUES) {
                forms.clear();
            }
            known = renderForms(value);
            forms.put(value, known);
        }
        return known;
    }

    private static String[] renderForms(Hl7v2Based<?> value) {
        return new String[]{Hl7v2Based.render(value), ValuesAsSent.of(value)};
    }

    private <T> T shared(Class<?> kind, Object value, Supplier<T> build) {
        if (!sharing) {
            return build.get();
        }
        Key key = new Key(kind, value);
        @SuppressWarnings("unchecked")
        T known = (T) values.get(key);
        if (known == null) {
            known = build.get();
            if (known != null) {
                if (values.size() >= MAX_VALUES) {
                    values.clear();
                }
                values.put(key, known);
            }
        }
        return known;
    }

    private record Key(Class<?> kind, Object value) {
    }
}
