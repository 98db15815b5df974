package org.dmpgateway.mappings.hl7v2;

import ca.uhn.hl7v2.HL7Exception;
import ca.uhn.hl7v2.model.Message;
import ca.uhn.hl7v2.model.Segment;
import ca.uhn.hl7v2.model.Structure;
import ca.uhn.hl7v2.model.v25.message.MDM_T02;
import ca.uhn.hl7v2.model.v25.segment.OBX;
import ca.uhn.hl7v2.model.v25.segment.PID;
import ca.uhn.hl7v2.model.v25.segment.TXA;
import ca.uhn.hl7v2.util.Terser;
import org.dmpgateway.model.CodedValue;
import org.dmpgateway.model.PatientRef;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads an MDM message of the ANS guide "Transmission de documents CDA en HL7v2" (HAPI HL7v2 parsed it,
 * with the v2.5 structures: the guide's v2.6 MDM_T02 has the same segments, its pre-adopted PRT segments are
 * HAPI's non-standard segments of the OBXNTE group) into an {@link MdmMessage}. Each rule the guide states for
 * the fields the gateway needs is checked here, a missing or wrong field refused naming it
 * ({@link Hl7v2Refusal}, ERR-2 its location).
 */
public final class MdmMessageReader {
    /** LOINC, as OBX-3.3 "LN" names it. */
    static final String LOINC = "2.16.840.1.113883.6.1";
    /** TRE_A05-TypeDocComplementaire. */
    static final String TRE_A05 = "1.2.250.1.213.1.1.4.12";
    /** The OBX-3.3 of the DMP / MSSanté metas. */
    static final String META_SYSTEM = "MetaDMPMSS";
    /** The mail bodies (OBX-5, ED, Base64): for the professionals, for the patient. */
    static final String CORPSMAIL_PS = "CORPSMAIL_PS";
    static final String CORPSMAIL_PATIENT = "CORPSMAIL_PATIENT";

    private static final Map<String, String> ORDER_CONTROL = Map.of(MdmMessage.CREATION, "NW",
            MdmMessage.REPLACEMENT, "RO", MdmMessage.DELETION, "CA");
    private static final Map<String, String> RESULT_STATUS = Map.of(MdmMessage.CREATION, "F",
            MdmMessage.REPLACEMENT, "C", MdmMessage.DELETION, "D");

    private MdmMessageReader() {
    }

    /** The message's content; {@link Hl7v2Refusal} naming the field when a rule of the guide is broken. */
    public static MdmMessage read(Message message) {
        if (!(message instanceof MDM_T02 mdm)) {
            throw Hl7v2Refusal.field(200, "MSH^1^9", "type de message non pris en charge : seuls MDM^T02, MDM^T10 "
                    + "et MDM^T04 (structure MDM_T02) le sont");
        }
        try {
            return read(mdm);
        } catch (HL7Exception e) {
            throw Hl7v2Refusal.field(Hl7v2Refusal.DATA_TYPE_ERROR, null, "message HL7v2 illisible : " + e.getMessage());
        }
    }

    private static MdmMessage read(MDM_T02 mdm) throws HL7Exception {
        String event = value(mdm.getMSH().getMessageType().getTriggerEvent().getValue());
        if (!ORDER_CONTROL.containsKey(event)) {
            throw Hl7v2Refusal.field(201, "MSH^1^9", "évènement " + event + " non pris en charge : T02 (création), "
                    + "T10 (remplacement) ou T04 (suppression)");
        }
        String controlId = required(mdm.getMSH().getMessageControlID().getValue(), "MSH^1^10", "MSH-10 (identifiant du message)");
        String application = required(mdm.getMSH().getSendingApplication().getNamespaceID().getValue(), "MSH^1^3",
                "MSH-3 (application émettrice)");
        String facility = required(mdm.getMSH().getSendingFacility().getNamespaceID().getValue(), "MSH^1^4",
                "MSH-4 (organisation émettrice)");

        String orderControl = value(mdm.getCOMMON_ORDER().getORC().getOrderControl().getValue());
        if (!ORDER_CONTROL.get(event).equals(orderControl)) {
            throw Hl7v2Refusal.field(Hl7v2Refusal.TABLE_VALUE_NOT_FOUND, "ORC^1^1", "ORC-1 vaut '" + orderControl
                    + "' : l'évènement " + event + " demande " + ORDER_CONTROL.get(event));
        }

        List<PatientRef> patients = patientIds(mdm.getPID());
        String patientClass = value(mdm.getPV1().getPatientClass().getValue());

        TXA txa = mdm.getTXA();
        String documentId = documentId(txa.getUniqueDocumentNumber().getEntityIdentifier().getValue(),
                txa.getUniqueDocumentNumber().getUniversalID().getValue());
        if (documentId == null) {
            throw Hl7v2Refusal.field(Hl7v2Refusal.REQUIRED_FIELD_MISSING, "TXA^1^12", "TXA-12 (identifiant unique du "
                    + "document) est requis");
        }
        String parentId = documentId(txa.getParentDocumentNumber().getEntityIdentifier().getValue(),
                txa.getParentDocumentNumber().getUniversalID().getValue());
        if (MdmMessage.REPLACEMENT.equals(event) && parentId == null) {
            throw Hl7v2Refusal.field(Hl7v2Refusal.REQUIRED_FIELD_MISSING, "TXA^1^13", "TXA-13 (identifiant du "
                    + "document remplacé) est requis pour un remplacement (T10)");
        }

        if (mdm.getOBXNTEReps() == 0) {
            throw Hl7v2Refusal.field(Hl7v2Refusal.REQUIRED_FIELD_MISSING, "OBX^1", "le segment OBX portant le document "
                    + "CDA est requis");
        }
        OBX document = mdm.getOBXNTE(0).getOBX();
        if (!"ED".equals(value(document.getValueType().getValue()))) {
            throw Hl7v2Refusal.field(Hl7v2Refusal.DATA_TYPE_ERROR, "OBX^1^2", "OBX-2 du premier OBX doit valoir ED "
                    + "(le document CDA encodé en Base64)");
        }
        String status = value(document.getObservationResultStatus().getValue());
        if (!RESULT_STATUS.get(event).equals(status)) {
            throw Hl7v2Refusal.field(Hl7v2Refusal.TABLE_VALUE_NOT_FOUND, "OBX^1^11", "OBX-11 vaut '" + status
                    + "' : l'évènement " + event + " demande " + RESULT_STATUS.get(event));
        }
        CodedValue type = type(document);
        byte[] cda = cda(document);

        Map<String, Boolean> metas = new LinkedHashMap<>();
        String professionalText = null;
        String patientText = null;
        boolean endOfExchange = false;
        for (int i = 1; i < mdm.getOBXNTEReps(); i++) {
            OBX obx = mdm.getOBXNTE(i).getOBX();
            String obxCode = value(obx.getObservationIdentifier().getIdentifier().getValue());
            if (CORPSMAIL_PS.equals(obxCode)) {
                professionalText = text(obx, i + 1);
            } else if (CORPSMAIL_PATIENT.equals(obxCode)) {
                patientText = text(obx, i + 1);
            } else if (MdmMessage.DESTMSSANTEPAT.equals(obxCode) && mdm.getOBXNTE(i).getNTEReps() > 0) {
                endOfExchange = "FIN".equals(value(mdm.getOBXNTE(i).getNTE(0).getCommentType().getIdentifier()
                        .getValue()));
            }
            if (!META_SYSTEM.equals(value(obx.getObservationIdentifier().getNameOfCodingSystem().getValue()))
                    && !isMetaCode(value(obx.getObservationIdentifier().getIdentifier().getValue()))) {
                continue;
            }
            String code = value(obx.getObservationIdentifier().getIdentifier().getValue());
            if (!"CWE".equals(value(obx.getValueType().getValue())) && !"CE".equals(value(obx.getValueType().getValue()))) {
                continue; // CORPSMAIL_PS, CORPSMAIL_PATIENT (ED), REPLY_TO: the messaging's
            }
            String yn = obx.getObservationValueReps() == 0 ? null
                    : value(Terser.getPrimitive(obx.getObservationValue(0), 1, 1).getValue());
            if (!"Y".equals(yn) && !"N".equals(yn)) {
                throw Hl7v2Refusal.field(Hl7v2Refusal.TABLE_VALUE_NOT_FOUND, "OBX^" + (i + 1) + "^5", "OBX-5 de la "
                        + "méta " + code + " vaut '" + yn + "' : Y ou N (table HL7 0136)");
            }
            metas.put(code, "Y".equals(yn));
        }
        return new MdmMessage(event, controlId, application, facility, patients, patientClass, documentId, parentId,
                type, cda, metas, sender(mdm), new MdmMessage.Mss(participants(mdm, "RCT"), replyTo(mdm),
                professionalText, patientText, endOfExchange));
    }

    private static boolean isMetaCode(String code) {
        return code != null && List.of(MdmMessage.MASQUE_PS, MdmMessage.INVISIBLE_PATIENT, MdmMessage.INVISIBLE_REP_LEGAUX,
                MdmMessage.CONNEXION_SECRETE, MdmMessage.MODIF_CONF_CODE, MdmMessage.DESTDMP, MdmMessage.DESTMSSANTEPS,
                MdmMessage.DESTMSSANTEPAT).contains(code);
    }

    /** PID-3: the identifiers whose assigning authority (CX.4) has a universal id (an OID). */
    private static List<PatientRef> patientIds(PID pid) {
        List<PatientRef> ids = new ArrayList<>();
        for (int i = 0; i < pid.getPatientIdentifierListReps(); i++) {
            String id = value(pid.getPatientIdentifierList(i).getIDNumber().getValue());
            String oid = value(pid.getPatientIdentifierList(i).getAssigningAuthority().getUniversalID().getValue());
            if (id != null && oid != null) {
                ids.add(new PatientRef(id, oid));
            }
        }
        if (ids.isEmpty()) {
            throw Hl7v2Refusal.field(Hl7v2Refusal.REQUIRED_FIELD_MISSING, "PID^1^3", "PID-3 (identifiants du patient) "
                    + "doit porter l'INS du patient avec l'OID de son autorité d'affectation (CX.4.2)");
        }
        return ids;
    }

    /** TXA-12 / TXA-13: {@code root} alone, or {@code extension^^root^ISO} (the guide's rule), as one uniqueId. */
    static String documentId(String first, String root) {
        String a = value(first);
        String r = value(root);
        if (a == null) {
            return null;
        }
        return r == null ? a : r + "^" + a;
    }

    private static CodedValue type(OBX obx) {
        String code = value(obx.getObservationIdentifier().getIdentifier().getValue());
        String system = value(obx.getObservationIdentifier().getNameOfCodingSystem().getValue());
        if (code == null) {
            throw Hl7v2Refusal.field(Hl7v2Refusal.REQUIRED_FIELD_MISSING, "OBX^1^3", "OBX-3.1 (code du type de "
                    + "document, JDV_J07-XdsTypeCode-CISIS) est requis");
        }
        String oid = "LN".equals(system) ? LOINC : "TRE_A05".equals(system) ? TRE_A05 : null;
        if (oid == null) {
            throw Hl7v2Refusal.field(Hl7v2Refusal.TABLE_VALUE_NOT_FOUND, "OBX^1^3", "OBX-3.3 vaut '" + system
                    + "' : LN ou TRE_A05");
        }
        return new CodedValue(code, oid, value(obx.getObservationIdentifier().getText().getValue()));
    }

    private static byte[] cda(OBX obx) throws HL7Exception {
        if (obx.getObservationValueReps() == 0) {
            throw Hl7v2Refusal.field(Hl7v2Refusal.REQUIRED_FIELD_MISSING, "OBX^1^5", "OBX-5 (le document CDA) est requis");
        }
        String encoding = value(Terser.getPrimitive(obx.getObservationValue(0), 4, 1).getValue());
        String data = value(Terser.getPrimitive(obx.getObservationValue(0), 5, 1).getValue());
        if (!"Base64".equalsIgnoreCase(encoding) || data == null) {
            throw Hl7v2Refusal.field(Hl7v2Refusal.DATA_TYPE_ERROR, "OBX^1^5", "OBX-5 doit porter le document CDA "
                    + "encodé en Base64 (OBX-5.4 = Base64, OBX-5.5 = les données)");
        }
        try {
            return Base64.getMimeDecoder().decode(data);
        } catch (IllegalArgumentException e) {
            throw Hl7v2Refusal.field(Hl7v2Refusal.DATA_TYPE_ERROR, "OBX^1^5", "OBX-5.5 n'est pas du Base64 valide");
        }
    }

    /** The addresses (PRT-15.4) of the PRT segments of the document's OBX with PRT-4 = {@code role}. */
    private static List<String> participants(MDM_T02 mdm, String role) throws HL7Exception {
        List<String> addresses = new ArrayList<>();
        if (!Arrays.asList(mdm.getOBXNTE(0).getNames()).contains("PRT")) {
            return addresses;
        }
        for (Structure s : mdm.getOBXNTE(0).getAll("PRT")) {
            Segment prt = (Segment) s;
            if (role.equals(value(Terser.get(prt, 4, 0, 1, 1)))) {
                String address = value(Terser.get(prt, 15, 0, 4, 1));
                if (address != null) {
                    addresses.add(address);
                }
            }
        }
        return addresses;
    }

    /** REPLY TO: the PRT REPLY's address, else the sender's (PRT SB), else null. */
    private static String replyTo(MDM_T02 mdm) throws HL7Exception {
        List<String> reply = participants(mdm, "REPLY");
        List<String> sender = participants(mdm, "SB");
        return !reply.isEmpty() ? reply.get(0) : sender.isEmpty() ? null : sender.get(0);
    }

    /** The text of a CORPSMAIL OBX: OBX-5 an ED whose data (OBX-5.5) is Base64 (OBX-5.4) UTF-8 text. */
    private static String text(OBX obx, int position) throws HL7Exception {
        if (obx.getObservationValueReps() == 0) {
            return null;
        }
        String encoding = value(Terser.getPrimitive(obx.getObservationValue(0), 4, 1).getValue());
        String data = value(Terser.getPrimitive(obx.getObservationValue(0), 5, 1).getValue());
        if (data == null) {
            return null;
        }
        if (!"Base64".equalsIgnoreCase(encoding)) {
            return data;
        }
        try {
            return new String(Base64.getMimeDecoder().decode(data), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw Hl7v2Refusal.field(Hl7v2Refusal.DATA_TYPE_ERROR, "OBX^" + position + "^5", "OBX-5.5 du corps de "
                    + "courriel n'est pas du Base64 valide");
        }
    }

    /** The PRT segment with PRT-4 = SB following the document's OBX, or null. */
    private static MdmMessage.Sender sender(MDM_T02 mdm) throws HL7Exception {
        if (!Arrays.asList(mdm.getOBXNTE(0).getNames()).contains("PRT")) {
            return null;
        }
        for (Structure s : mdm.getOBXNTE(0).getAll("PRT")) {
            Segment prt = (Segment) s;
            if ("SB".equals(value(Terser.get(prt, 4, 0, 1, 1)))) {
                return new MdmMessage.Sender(value(Terser.get(prt, 5, 0, 1, 1)), value(Terser.get(prt, 5, 0, 2, 1)),
                        value(Terser.get(prt, 5, 0, 3, 1)), value(Terser.get(prt, 5, 0, 9, 2)),
                        value(Terser.get(prt, 8, 0, 1, 1)), value(Terser.get(prt, 8, 0, 10, 1)),
                        value(Terser.get(prt, 8, 0, 7, 1)), value(Terser.get(prt, 10, 0, 1, 1)));
            }
        }
        return null;
    }

    private static String required(String s, String location, String field) {
        String v = value(s);
        if (v == null) {
            throw Hl7v2Refusal.field(Hl7v2Refusal.REQUIRED_FIELD_MISSING, location, field + " est requis");
        }
        return v;
    }

    static String value(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
