package org.dmpgateway.core.metadata;

import org.dmpgateway.model.error.DmpError;
import org.dmpgateway.model.error.DmpErrorCode;
import org.dmpgateway.model.error.DmpException;
import org.dmpgateway.model.CodedValue;
import org.dmpgateway.model.DocumentEntryRecord;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Every coded metadata value of a document entry belongs to the DMP value set (JDV) that binds it,
 * whatever the protocol: ITI-41, ITI-65 and ITI-105 submissions and ITI-57 / FHIR PATCH metadata
 * versions all pass here, after the adapters translated them. A value outside its JDV is refused
 * METADATA_ERROR with one message naming the XDS attribute (and its FHIR element), the code, its code
 * system and the value set.
 *
 * <ul>
 *   <li>classCode: JDV_J57-ClassCode-DMP; typeCode: JDV_J66-TypeCode-DMP (its code systems only, the
 *       content of J66 is not published where we could copy it); formatCode: JDV_J60-FormatCode-DMP;
 *       healthcareFacilityTypeCode: JDV_J61-HealthcareFacilityTypeCode-DMP; practiceSettingCode:
 *       JDV_J62-PracticeSettingCode-DMP; confidentialityCode: JDV_J58-ConfidentialityCode-DMP. The
 *       files are {@code terminology/jdv/*.csv} of core/, with their source in the README beside them.</li>
 *   <li>languageCode: the DMP binds no value set (PDSM4DMP DocumentEntry: "fr-FR" for French producers,
 *       and the official TD2.1 signature carries {@code art}); its form (RFC 5646) is checked by IPF's
 *       metadata validator, which runs on every submission and update, the FHIR ones included.</li>
 *   <li>eventCodeList: the DMP binds no value set; not checked beyond the code system the adapters require.</li>
 * </ul>
 */
public final class DmpValueSetRule {
    /** The shipped files, under {@code terminology/jdv/} on the classpath. */
    static final String FOLDER = "terminology/jdv/";

    /** A coded attribute of a document entry, its FHIR element and the JDV file that binds it. */
    enum Field {
        CLASS_CODE("classCode", "DocumentReference.category", "JDV_J57-ClassCode-DMP"),
        TYPE_CODE("typeCode", "DocumentReference.type", "JDV_J66-TypeCode-DMP"),
        FORMAT_CODE("formatCode", "DocumentReference.content.format", "JDV_J60-FormatCode-DMP"),
        FACILITY_TYPE_CODE("healthcareFacilityTypeCode", "DocumentReference.context.facilityType",
                "JDV_J61-HealthcareFacilityTypeCode-DMP"),
        PRACTICE_SETTING_CODE("practiceSettingCode", "DocumentReference.context.practiceSetting",
                "JDV_J62-PracticeSettingCode-DMP"),
        CONFIDENTIALITY_CODE("confidentialityCode", "DocumentReference.securityLabel", "JDV_J58-ConfidentialityCode-DMP");

        final String xds;
        final String fhir;
        final String valueSet;

        Field(String xds, String fhir, String valueSet) {
            this.xds = xds;
            this.fhir = fhir;
            this.valueSet = valueSet;
        }
    }

    /** One value set: its name, the file it came from, and its codes by codingScheme ({@code *}: any code). */
    record ValueSet(String name, String origin, Map<String, Set<String>> codesBySystem) {
        boolean contains(CodedValue v) {
            Set<String> codes = codesBySystem.get(v.codeSystem());
            return codes != null && (codes.contains(v.code()) || codes.contains("*"));
        }

        int size() {
            return codesBySystem.values().stream().mapToInt(Set::size).sum();
        }
    }

    private final Map<Field, ValueSet> valueSets;

    private DmpValueSetRule(Map<Field, ValueSet> valueSets) {
        this.valueSets = valueSets;
    }

    /** The shipped value sets; an unreadable or malformed file stops the start naming it. */
    public static DmpValueSetRule shipped() {
        Map<Field, ValueSet> sets = new LinkedHashMap<>();
        for (Field f : Field.values()) {
            String path = FOLDER + f.valueSet + ".csv";
            try (InputStream in = DmpValueSetRule.class.getClassLoader().getResourceAsStream(path)) {
                if (in == null) {
                    throw new IllegalStateException("DMP value set classpath:" + path + " is missing");
                }
                sets.put(f, read(f.valueSet, in, "classpath:" + path));
            } catch (IOException e) {
                throw new IllegalStateException("cannot read DMP value set classpath:" + path, e);
            }
        }
        return new DmpValueSetRule(sets);
    }

    /** Reads {@code codingScheme;code;displayName} lines; blank lines and {@code #} comments are skipped. */
    static ValueSet read(String name, InputStream in, String origin) throws IOException {
        Map<String, Set<String>> codes = new HashMap<>();
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            int number = 0;
            while ((line = lines.readLine()) != null) {
                number++;
                String t = line.strip();
                if (t.isEmpty() || t.startsWith("#")) {
                    continue;
                }
                String[] f = t.split(";", 3);
                if (f.length < 2 || f[0].isBlank() || f[1].isBlank()) {
                    throw new IllegalStateException(origin + " line " + number + ": expected codingScheme;code;displayName");
                }
                codes.computeIfAbsent(f[0].strip(), s -> new HashSet<>()).add(f[1].strip());
            }
        }
        if (codes.isEmpty()) {
            throw new IllegalStateException(origin + " lists no code");
        }
        return new ValueSet(name, origin, codes);
    }

    /** Number of codes (or whole systems) of each value set, for the start log. */
    public Map<String, Integer> sizes() {
        Map<String, Integer> out = new LinkedHashMap<>();
        valueSets.values().forEach(v -> out.put(v.name(), v.size()));
        return out;
    }

    /** Refuses (METADATA_ERROR, every problem at once) entries with a coded value outside its DMP value set. */
    public void require(Collection<DocumentEntryRecord> entries) {
        List<DmpError> errors = new ArrayList<>();
        entries.forEach(e -> errors.addAll(problems(e)));
        if (!errors.isEmpty()) {
            throw new DmpException(errors);
        }
    }

    /** The problems of one entry, empty when every coded value is in its value set. */
    public List<DmpError> problems(DocumentEntryRecord e) {
        List<DmpError> errors = new ArrayList<>();
        check(e, Field.CLASS_CODE, e.classCode(), errors);
        check(e, Field.TYPE_CODE, e.typeCode(), errors);
        check(e, Field.FORMAT_CODE, e.formatCode(), errors);
        check(e, Field.FACILITY_TYPE_CODE, e.healthcareFacilityTypeCode(), errors);
        check(e, Field.PRACTICE_SETTING_CODE, e.practiceSettingCode(), errors);
        e.confidentialityCodes().forEach(c -> check(e, Field.CONFIDENTIALITY_CODE, c, errors));
        return errors;
    }

    private void check(DocumentEntryRecord e, Field field, CodedValue v, List<DmpError> errors) {
        if (v == null) {
            return; // a missing value is the adapters' and IPF's business (required attributes)
        }
        ValueSet set = valueSets.get(field);
        if (!set.contains(v)) {
            errors.add(new DmpError(DmpErrorCode.METADATA_ERROR, "DocumentEntry." + field.xds + " (FHIR " + field.fhir
                    + ") of document " + e.uniqueId() + ": code '" + v.code() + "' of code system " + v.codeSystem()
                    + systemName(v.codeSystem()) + " is not in the DMP value set " + set.name()
                    + expected(set), e.entryUuid()));
        }
    }

    private static String expected(ValueSet set) {
        return " (allowed code systems: " + String.join(", ", set.codesBySystem().keySet().stream().sorted()
                .map(s -> s + systemName(s)).toList()) + ")";
    }

    private static final Map<String, String> NAMES = Map.ofEntries(
            Map.entry("2.16.840.1.113883.6.96", "SNOMED CT"),
            Map.entry("2.16.840.1.113883.6.1", "LOINC"),
            Map.entry("2.16.840.1.113883.5.25", "TRE_A08-HL7Confidentiality"),
            Map.entry("1.2.250.1.213.1.1.4.13", "TRE_A07-StatutVisibiliteDocument"),
            Map.entry("1.2.250.1.213.1.1.4.1", "TRE_A03-ClasseDocument"),
            Map.entry("1.2.250.1.213.1.1.4.12", "TRE_A05-TypeDocComplementaire"),
            Map.entry("1.2.250.1.213.1.1.4.6", "TRE_A00-ProducteurDocNonPS"),
            Map.entry("1.2.250.1.213.1.1.4.9", "TRE_A01-CadreExercice"),
            Map.entry("1.2.250.1.71.4.2.4", "TRE_R02-SecteurActivite"),
            Map.entry("1.2.250.1.213.1.1.4.2.282", "TRE_A06-FormatCodeComplementaire"),
            Map.entry("1.3.6.1.4.1.19376.1.2.3", "TRE_A11-IheFormatCode"),
            Map.entry("1.2.840.10008.2.6.1", "TRE_A09-DICOMuidRegistry"),
            Map.entry("URN", "TRE_A10-NomenclatureURN"),
            Map.entry("ASTM", "TRE_A12-NomenclatureASTM"));

    private static String systemName(String system) {
        String name = NAMES.get(system);
        return name == null ? "" : " (" + name + ")";
    }
}
