package org.dmpgateway.mappings.hl7v2;

import org.dmpgateway.model.CodedValue;
import org.dmpgateway.model.PatientRef;

import java.util.List;
import java.util.Map;

/**
 * What the gateway reads of an MDM message of the ANS guide "Transmission de documents CDA en HL7v2"
 * (MDM^T02 creation, MDM^T10 replacement, MDM^T04 deletion; docs/hl7v2.md), HAPI HL7v2 having parsed it.
 *
 * @param event               MSH-9.2: T02, T10 or T04
 * @param controlId           MSH-10
 * @param sendingApplication  MSH-3.1
 * @param sendingFacility     MSH-4.1
 * @param patientIds          PID-3, the identifiers with an OID assigning authority (CX.4.2)
 * @param patientClass        PV1-2 (I, O, R, N, E), or null
 * @param documentId          TXA-12: the document's uniqueId (CDA ClinicalDocument/id: root, or root^extension)
 * @param parentDocumentId    TXA-13: the replaced document's uniqueId (T10), or null
 * @param type                OBX-3 of the document's OBX (the CDA's code), LOINC or TRE_A05
 * @param cda                 the CDA R2 document, OBX-5.5 decoded from Base64
 * @param metas               the MetaDMPMSS OBX (OBX-3.1 -> OBX-5.1 = Y), for the codes present
 * @param sender              the sender (PRT-4 = SB) of the document's OBX
 * @param mss                 what the MSSanté destinations need (page mapping-mss of the guide)
 */
public record MdmMessage(String event, String controlId, String sendingApplication, String sendingFacility,
                         List<PatientRef> patientIds, String patientClass, String documentId, String parentDocumentId,
                         CodedValue type, byte[] cda, Map<String, Boolean> metas, Sender sender,
                         Mss mss) {

    /** Creation of a document (MDM^T02, ORC-1 NW, OBX-11 F). */
    public static final String CREATION = "T02";
    /** Replacement of a document (MDM^T10, ORC-1 RO, OBX-11 C). */
    public static final String REPLACEMENT = "T10";
    /** Deletion of a document (MDM^T04, ORC-1 CA, OBX-11 D). */
    public static final String DELETION = "T04";

    /** The MetaDMPMSS codes of the guide (page meta-dmp-mss). */
    public static final String MASQUE_PS = "MASQUE_PS";
    public static final String INVISIBLE_PATIENT = "INVISIBLE_PATIENT";
    public static final String INVISIBLE_REP_LEGAUX = "INVISIBLE_REP_LEGAUX";
    public static final String CONNEXION_SECRETE = "CONNEXION_SECRETE";
    public static final String MODIF_CONF_CODE = "MODIF_CONF_CODE";
    public static final String DESTDMP = "DESTDMP";
    public static final String DESTMSSANTEPS = "DESTMSSANTEPS";
    public static final String DESTMSSANTEPAT = "DESTMSSANTEPAT";

    public MdmMessage {
        patientIds = List.copyOf(patientIds);
        metas = Map.copyOf(metas);
    }

    /** The meta is present and Y. */
    public boolean meta(String code) {
        return Boolean.TRUE.equals(metas.get(code));
    }

    /**
     * The sender of the request (PRT with PRT-4 = SB): a professional (PRT-5: id, family and given names,
     * assigning authority OID) and his organisation (PRT-8: name, identifier, identifier type), or a device (PRT-10).
     */
    public record Sender(String personId, String familyName, String givenName, String personAuthority,
                         String organizationName, String organizationId, String organizationIdType, String deviceId) {
    }

    /**
     * The MSSanté part of the message (the guide's page mapping-mss): the recipients' addresses (TO: PRT-15.4 of
     * each PRT with PRT-4 = RCT), the reply address (REPLY TO: PRT-15.4 of the PRT with PRT-4 = REPLY, else of
     * the sender's PRT SB), the mail bodies (OBX-5 of CORPSMAIL_PS, CORPSMAIL_PATIENT, Base64 text) and the end of
     * the exchange ({@code X-MSS-MES: FIN}: NTE-4 = FIN after the OBX DESTMSSANTEPAT).
     */
    public record Mss(List<String> recipients, String replyTo, String professionalText, String patientText,
                      boolean endOfExchange) {
        public Mss {
            recipients = List.copyOf(recipients);
        }
    }
}
