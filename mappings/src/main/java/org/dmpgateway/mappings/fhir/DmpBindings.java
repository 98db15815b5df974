package org.dmpgateway.mappings.fhir;

import java.util.List;

/**
 * The code systems the DMP value sets allow for the coded fields of a document (docs/sources/dmp-protocol.md
 * sections 1.5-1.10): a code from another system (SNOMED CT facility types of the IHE and ANS
 * examples, a misspelled TRE_A07 URI) is refused with the field and the expected systems. Only the
 * code system is checked here; the code itself is the DMP value sets' business.
 *
 * @param field  FHIR path named in refusals
 * @param oids   the allowed code system OIDs
 */
record DmpBindings(String field, List<String> oids) {
    static final String LOINC = "2.16.840.1.113883.6.1";
    static final String TRE_A05 = "1.2.250.1.213.1.1.4.12";
    static final String TRE_A03 = "1.2.250.1.213.1.1.4.1";
    static final String TRE_A00 = "1.2.250.1.213.1.1.4.6";
    static final String TRE_R02 = "1.2.250.1.71.4.2.4";
    static final String TRE_A01 = "1.2.250.1.213.1.1.4.9";
    static final String HL7_CONFIDENTIALITY = "2.16.840.1.113883.5.25";
    static final String TRE_A07 = "1.2.250.1.213.1.1.4.13";
    static final String IHE_FORMAT = "1.3.6.1.4.1.19376.1.2.3";
    static final String TRE_A06 = "1.2.250.1.213.1.1.4.2.282";
    static final String DICOM = "1.2.840.10008.2.6.1";

    /** typeCode: JDV_J66 (LOINC and TRE_A05). */
    static final DmpBindings TYPE = new DmpBindings("DocumentReference.type", List.of(LOINC, TRE_A05));
    /** classCode: JDV_J57 (TRE_A03). */
    static final DmpBindings CLASS = new DmpBindings("DocumentReference.category", List.of(TRE_A03));
    /** healthcareFacilityTypeCode: JDV_J61 (TRE_R02, TRE_A00). */
    static final DmpBindings FACILITY = new DmpBindings("DocumentReference.context.facilityType", List.of(TRE_R02, TRE_A00));
    /** practiceSettingCode: JDV_J04 / J62 (TRE_A01, TRE_A00). */
    static final DmpBindings PRACTICE = new DmpBindings("DocumentReference.context.practiceSetting", List.of(TRE_A01, TRE_A00));
    /** confidentialityCode: JDV_J58 (HL7 v3 Confidentiality N/R/V, TRE_A07). */
    static final DmpBindings CONFIDENTIALITY = new DmpBindings("DocumentReference.securityLabel",
            List.of(HL7_CONFIDENTIALITY, TRE_A07));
    /** formatCode: JDV_J10 / J60 (IHE format codes, TRE_A06, DICOM). */
    static final DmpBindings FORMAT = new DmpBindings("DocumentReference.content.format", List.of(IHE_FORMAT, TRE_A06, DICOM));

    String expected() {
        StringBuilder out = new StringBuilder();
        for (String oid : oids) {
            out.append(out.isEmpty() ? "" : " or ").append(FhirCodeSystems.toUri(oid));
        }
        return out.toString();
    }
}
