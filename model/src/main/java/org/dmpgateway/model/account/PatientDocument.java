package org.dmpgateway.model.account;

import org.dmpgateway.model.CodedValue;

import java.util.List;

/**
 * A document as the patient sees it in their record.
 *
 * @param id           the document's logical id (stable across its metadata versions), used in the patient's calls
 * @param uniqueId     the document's uniqueId (as the professionals know it)
 * @param category     where Mon espace santé files it
 * @param type         its type (XDS typeCode)
 * @param creationTime its creation time, HL7 DTM as submitted
 * @param authors      its authors' names (or identifiers when no name is known)
 * @param hidden       hidden from professionals (visibility status MASQUE_PS)
 */
public record PatientDocument(String id, String uniqueId, String title, DocumentCategory category, CodedValue type,
                              String creationTime, List<String> authors, String mimeType, Long size, boolean hidden) {
    public PatientDocument {
        authors = List.copyOf(authors == null ? List.of() : authors);
    }
}
