package org.dmpgateway.mappings.hl7v2;

import org.dmpgateway.model.CodedValue;

import java.util.List;

/**
 * What the gateway reads of a CDA R2 header to fill the document's metadata, as the annex "Lien entre
 * l'en-tête CDA et les métadonnées XDS" of the CI-SIS and the guide's XDS mapping say (docs/hl7v2.md).
 *
 * @param uniqueId            ClinicalDocument/id: {@code root}, or {@code root^extension}
 * @param type                ClinicalDocument/code
 * @param title               ClinicalDocument/title
 * @param effectiveTime       ClinicalDocument/effectiveTime/@value (creationTime)
 * @param confidentiality     ClinicalDocument/confidentialityCode
 * @param languageCode        ClinicalDocument/languageCode/@code
 * @param patientIds          recordTarget/patientRole/id ({@code extension}, {@code root})
 * @param patientTraits       the INS identity traits found (family, given, gender, birthTime), null when absent
 * @param authors             author/assignedAuthor
 * @param legalAuthenticator  legalAuthenticator/assignedEntity, as XCN, or null
 * @param serviceStart        documentationOf/serviceEvent/effectiveTime/low/@value, or null
 * @param serviceStop         documentationOf/serviceEvent/effectiveTime/high/@value, or null
 * @param practiceSetting     .../performer/assignedEntity/representedOrganization/standardIndustryClassCode, or null
 * @param facilityType        componentOf/encompassingEncounter/location/healthCareFacility/code, or null
 * @param replacedId          relatedDocument[@typeCode=RPLC]/parentDocument/id, or null
 * @param unstructuredMediaType nonXMLBody/text/@mediaType for a CDA N1 (XDS-SD), null for a structured body
 */
public record CdaHeader(String uniqueId, CodedValue type, String title, String effectiveTime, CodedValue confidentiality,
                        String languageCode, List<Identifier> patientIds, PatientTraits patientTraits,
                        List<Author> authors, String legalAuthenticator, String serviceStart, String serviceStop,
                        CodedValue practiceSetting, CodedValue facilityType, String replacedId,
                        String unstructuredMediaType) {

    public CdaHeader {
        patientIds = List.copyOf(patientIds);
        authors = List.copyOf(authors);
    }

    /** An II: {@code extension} (may be null) and {@code root}. */
    public record Identifier(String extension, String root) {
    }

    /** The patient's identity traits of the INS (family name at birth, first given name, gender, birth date). */
    public record PatientTraits(String family, String given, String gender, String birthTime) {
        /** All four traits are there. */
        public boolean complete() {
            return family != null && given != null && gender != null && birthTime != null;
        }
    }

    /**
     * An author: his id (extension, root), names, profession / specialty (assignedAuthor/code), and organisation
     * (id, name).
     */
    public record Author(Identifier id, String family, String given, CodedValue code, Identifier organizationId,
                         String organizationName) {
    }
}
