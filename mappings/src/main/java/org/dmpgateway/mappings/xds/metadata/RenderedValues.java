package org.dmpgateway.mappings.xds.metadata;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import ca.uhn.hl7v2.model.Composite;
import org.dmpgateway.model.CodedValue;
import org.dmpgateway.model.PatientRef;
import org.openehealth.ipf.commons.ihe.xds.core.metadata.Code;
import org.openehealth.ipf.commons.ihe.xds.core.metadata.Hl7v2Based;
import org.openehealth.ipf.commons.ihe.xds.core.metadata.Identifiable;
import org.openehealth.ipf.commons.ihe.xds.core.metadata.LocalizedString;
import org.openehealth.ipf.commons.ihe.xds.core.metadata.PatientInfo;
import org.openehealth.ipf.commons.ihe.xds.core.transform.hl7.PatientInfoTransformer;

import java.util.List;
import java.util.function.Supplier;

/**
 * The texts IPF renders for the stored values of document entries (HL7v2 composites, codes,
 * sourcePatientInfo), kept for the whole process and shared by every answer written by
 * {@link ExtrinsicObjectWriter}.
 * <p>
 * Rendering a composite means parsing its stored HL7v2 text into HAPI's types and rendering it
 * through IPF's {@code XdsHl7v2Renderer} twice (IPF's IHE form and the form as sent,
 * {@link ValuesAsSent}); it was a fifth of an ITI-18 answer of 1,000 entries (docs/performance.md,
 * "ITI-18's writer (stop 29)"), and the same professionals, codes and patients recur across the
 * answers of every caller. So the texts are kept, keyed by the stored value: the rendering is still
 * IPF's and HAPI's, done once per distinct value while the value is kept, and only immutable
 * strings are kept (IPF's model of a composite is not shared between threads).
 * <p>
 * At most {@code maxValues} values are kept (Caffeine's size bound: the least useful go first), the
 * property {@code dmp.xds.rendered-values-cache-size} (docs/operations.md); 0 keeps none (every value
 * rendered for each entry). Thread-safe.
 */
public final class RenderedValues {
    private static final PatientInfoTransformer PATIENT_INFO = new PatientInfoTransformer();

    private final Cache<Key, Object> values;

    private RenderedValues(long maxValues) {
        this.values = Caffeine.newBuilder().maximumSize(maxValues).build();
    }

    /** A memory of at most {@code maxValues} rendered values (0: none). */
    public static RenderedValues keeping(long maxValues) {
        if (maxValues < 0) {
            throw new IllegalArgumentException("the number of rendered values kept is 0 or more, got " + maxValues);
        }
        return new RenderedValues(maxValues);
    }

    /** The two texts of a composite: IPF's IHE form, and the form an answer gives ({@link ValuesAsSent#given}). */
    record Forms(String ihe, String given) {
    }

    /**
     * What IPF's writer reads from a {@link Code}: its code, scheme name and display name (IPF's
     * LocalizedString, a bean of three strings, never changed once kept).
     */
    record CodeTexts(String code, String schemeName, LocalizedString name) {
    }

    /** The forms of the HL7v2 composite {@code hl7} of IPF's {@code type} (null for null or empty). */
    <C extends Composite, T extends Hl7v2Based<C>> Forms composite(String hl7, Class<T> type) {
        if (hl7 == null || hl7.isEmpty()) {
            return null;
        }
        return kept(type, hl7, () -> forms(Hl7v2Based.parse(hl7, type)));
    }

    /** The forms of a record's patient id ({@link XdsValues#patient(PatientRef, String)}). */
    Forms patient(PatientRef ref, String asSent) {
        return asSent != null ? composite(asSent, Identifiable.class)
                : ref == null ? null : kept(PatientRef.class, ref, () -> forms(XdsValues.patient(ref)));
    }

    /** The texts of IPF's code of a record's code ({@link XdsValues#code}). */
    CodeTexts code(CodedValue value) {
        return value == null ? null : kept(Code.class, value, () -> {
            Code code = XdsValues.code(value);
            return new CodeTexts(code.getCode(), code.getSchemeName(), code.getDisplayName());
        });
    }

    /** The sourcePatientInfo slot values IPF writes for its lines (PatientInfoTransformer). */
    List<String> patientInfo(List<String> lines) {
        return lines == null || lines.isEmpty() ? List.of() : kept(PatientInfo.class, lines, () -> {
            PatientInfo info = XdsComposites.ipfPatientInfo(lines);
            return info == null ? List.of() : List.copyOf(PATIENT_INFO.toHL7(info));
        });
    }

    /** The forms of an IPF composite (null: none). */
    static Forms forms(Hl7v2Based<?> value) {
        if (value == null) {
            return null;
        }
        String ihe = Hl7v2Based.render(value);
        String sent = ValuesAsSent.of(value);
        return new Forms(ihe, ValuesAsSent.given(ihe, sent));
    }

    @SuppressWarnings("unchecked")
    private <T> T kept(Class<?> kind, Object value, Supplier<T> render) {
        Key key = new Key(kind, value);
        Object known = values.getIfPresent(key);
        if (known == null) {
            known = render.get();
            if (known != null) {
                values.put(key, known);
            }
        }
        return (T) known;
    }

    private record Key(Class<?> kind, Object value) {
    }
}
