package org.dmpgateway.model.access;

/**
 * TD0.4 ({@code patientList}): which records a professional lists, both among the open records he
 * is authorised on. Official {@code dateTypeEnum} values in brackets.
 */
public enum RecordListing {
    /** Records on which his authorisation was given since the date ({@code LASTAUTORIZATION}). */
    AUTHORISED_SINCE,
    /** Records to which a document was added since the date ({@code LASTDOC}). */
    DOCUMENTS_SINCE
}
