package org.dmpgateway.model.account;

/**
 * A document the signed-in patient adds to their record, as typed (the core checks every field,
 * docs/patient-api.md "The patient's uploads").
 *
 * @param title    the document's name (at most 50 characters, some characters refused)
 * @param type     one of the patient's document types ({@code DOCPAT01}... {@code EXPPAT_3} of TRE_A05)
 * @param date     the document's date, {@code yyyy-MM-dd}
 * @param mimeType {@code application/pdf}, {@code image/jpeg} or {@code image/png}
 * @param content  the file, base64
 */
public record DocumentUpload(String title, String type, String date, String mimeType, String content) {
}
