package org.dmpgateway.repository;

/**
 * The kind column of the multi-valued child tables: which attribute a coded_value or text_value
 * row belongs to.
 */
enum ValueKind {
    /** coded_value: confidentiality codes of a document entry. */
    CONFIDENTIALITY,
    /** coded_value: event codes of a document entry. */
    EVENT,
    /** coded_value: codes of a folder. */
    FOLDER,
    /** text_value: sourcePatientInfo lines of a document entry. */
    SOURCE_PATIENT_INFO,
    /** text_value: referenceIdList of a document entry. */
    REFERENCE_ID,
    /** text_value: intended recipients of a submission set. */
    INTENDED_RECIPIENT
}
