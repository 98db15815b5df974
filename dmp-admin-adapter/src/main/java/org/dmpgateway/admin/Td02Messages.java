package org.dmpgateway.admin;

import jakarta.xml.bind.JAXBElement;
import org.dmpgateway.admin.hl7v3.ANY;
import org.dmpgateway.admin.hl7v3.ActClassControlAct;
import org.dmpgateway.admin.hl7v3.ActClassDetectedIssue;
import org.dmpgateway.admin.hl7v3.ActClassObservation;
import org.dmpgateway.admin.hl7v3.ActClassRegistration;
import org.dmpgateway.admin.hl7v3.ActMood;
import org.dmpgateway.admin.hl7v3.ActMoodEventOccurrence;
import org.dmpgateway.admin.hl7v3.ActRelationshipHasSubject;
import org.dmpgateway.admin.hl7v3.ActRelationshipReason;
import org.dmpgateway.admin.hl7v3.AcknowledgementType;
import org.dmpgateway.admin.hl7v3.BL;
import org.dmpgateway.admin.hl7v3.CD;
import org.dmpgateway.admin.hl7v3.CE;
import org.dmpgateway.admin.hl7v3.COCTMT090003UV01AssignedEntity;
import org.dmpgateway.admin.hl7v3.CV;
import org.dmpgateway.admin.hl7v3.ED;
import org.dmpgateway.admin.hl7v3.EnFamily;
import org.dmpgateway.admin.hl7v3.EnGiven;
import org.dmpgateway.admin.hl7v3.EntityClass;
import org.dmpgateway.admin.hl7v3.EntityDeterminer;
import org.dmpgateway.admin.hl7v3.EntityNamePartQualifier;
import org.dmpgateway.admin.hl7v3.II;
import org.dmpgateway.admin.hl7v3.IVLTS;
import org.dmpgateway.admin.hl7v3.MCAIMT900001UV01DetectedIssueEvent;
import org.dmpgateway.admin.hl7v3.MCCIMT000300UV01Acknowledgement;
import org.dmpgateway.admin.hl7v3.MCCIMT000300UV01AcknowledgementDetail;
import org.dmpgateway.admin.hl7v3.MCCIMT000300UV01AttentionLine;
import org.dmpgateway.admin.hl7v3.MFMIMT700711UV01Custodian;
import org.dmpgateway.admin.hl7v3.MFMIMT700711UV01QueryAck;
import org.dmpgateway.admin.hl7v3.MFMIMT700711UV01Reason;
import org.dmpgateway.admin.hl7v3.ObjectFactory;
import org.dmpgateway.admin.hl7v3.PN;
import org.dmpgateway.admin.hl7v3.PRPAIN201307UV02;
import org.dmpgateway.admin.hl7v3.PRPAIN201307UV02QUQIMT021001UV01ControlActProcess;
import org.dmpgateway.admin.hl7v3.PRPAIN201308UV02;
import org.dmpgateway.admin.hl7v3.PRPAIN201308UV02MFMIMT700711UV01ControlActProcess;
import org.dmpgateway.admin.hl7v3.PRPAIN201308UV02MFMIMT700711UV01RegistrationEvent;
import org.dmpgateway.admin.hl7v3.PRPAIN201308UV02MFMIMT700711UV01Subject1;
import org.dmpgateway.admin.hl7v3.PRPAIN201308UV02MFMIMT700711UV01Subject2;
import org.dmpgateway.admin.hl7v3.PRPAMT201303UV02AdministrativeObservation;
import org.dmpgateway.admin.hl7v3.PRPAMT201303UV02Patient;
import org.dmpgateway.admin.hl7v3.PRPAMT201303UV02Person;
import org.dmpgateway.admin.hl7v3.PRPAMT201303UV02Subject4;
import org.dmpgateway.admin.hl7v3.PRPAMT201307UV02ParameterList;
import org.dmpgateway.admin.hl7v3.PRPAMT201307UV02PatientIdentifier;
import org.dmpgateway.admin.hl7v3.PRPAMT201307UV02QueryByParameter;
import org.dmpgateway.admin.hl7v3.ParticipationCustodian;
import org.dmpgateway.admin.hl7v3.ParticipationTargetSubject;
import org.dmpgateway.admin.hl7v3.RoleClassAssignedEntity;
import org.dmpgateway.admin.hl7v3.RoleClassPatient;
import org.dmpgateway.admin.hl7v3.SC;
import org.dmpgateway.admin.hl7v3.TS;
import org.dmpgateway.admin.hl7v3.XActMoodIntentEvent;
import org.dmpgateway.model.access.RecordStatus;
import org.dmpgateway.model.error.DmpErrorCode;
import org.dmpgateway.model.error.DmpException;
import org.dmpgateway.model.ConsentStatus;
import org.dmpgateway.model.PatientRecord;
import org.dmpgateway.model.PatientRecordState;
import org.dmpgateway.model.PatientRef;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * TD0.2 (and TD1.3a) on the wire: reads the patient a {@code PRPA_IN201307UV02} names and writes
 * the {@code PRPA_IN201308UV02} of what the core answered, with the JAXB classes generated from the
 * official schemas, in the layout of the official example answer ("DMP_LPS_Exemple de messages"
 * v02.05.00, TD0.2) and, for a closed record, of the layout second-hand sources give (registration
 * event effectiveTime, controlActProcess reasonOf detectedIssueEvent: docs/dmp-admin-services.md).
 * It translates only: what the values are is the core's decision (RecordStatus).
 */
public final class Td02Messages {
    /** The DMP's own device id (sender of its answers, custodian of the records): official example. */
    public static final String DMP_DEVICE = "1.2.250.1.213.4.1.1.1";
    public static final String INTERACTION_ROOT = "2.16.840.1.113883.1.6";
    /** Attention line keywords and value sets of the official TD0.2 answer. */
    public static final String AUTHORIZATION_KEYWORDS = "1.2.250.1.213.4.1.2.6.1";
    public static final String AUTHORIZATION_VALUES = "1.2.250.1.213.4.1.2.6.2";
    public static final String TREATING_DOCTOR_KEYWORDS = "1.2.250.1.213.4.1.2.6.3";
    /** administrativeObservation codes (RATTACHEMENT_ENS) of the official TD0.2 answer. */
    public static final String OBSERVATION_CODES = "1.2.250.1.213.4.1.2.3";
    /** Patient identifier OIDs the DMP knows (dmp-admin-services.md: INS-NIR test, NIR, NIA). */
    static final List<String> INS_OIDS = List.of("1.2.250.1.213.1.4.10", "1.2.250.1.213.1.4.8",
            "1.2.250.1.213.1.4.9", "1.2.250.1.213.1.4.11");

    private static final ObjectFactory HL7 = new ObjectFactory();

    private final Clock clock;

    public Td02Messages(Clock clock) {
        this.clock = clock;
    }

    // ------------------------------------------------------------------ reading the request

    /**
     * The patient the request names: {@code queryByParameter/parameterList/patientIdentifier/value}.
     *
     * @throws DmpException METADATA_ERROR naming the element when it is missing or not an INS
     */
    public static PatientRef requestedPatient(PRPAIN201307UV02 request) {
        PRPAIN201307UV02QUQIMT021001UV01ControlActProcess act = request.getControlActProcess();
        PRPAMT201307UV02QueryByParameter query = act == null || act.getQueryByParameter() == null ? null
                : act.getQueryByParameter().getValue();
        PRPAMT201307UV02ParameterList parameters = query == null ? null : query.getParameterList();
        List<PRPAMT201307UV02PatientIdentifier> identifiers = parameters == null ? List.of()
                : parameters.getPatientIdentifier();
        List<II> values = identifiers.isEmpty() ? List.of() : identifiers.get(0).getValue();
        if (identifiers.size() != 1 || values.size() != 1) {
            throw new DmpException(DmpErrorCode.METADATA_ERROR, "controlActProcess/queryByParameter/parameterList/"
                    + "patientIdentifier: exactly one patientIdentifier with one value (the patient's INS) is required",
                    "patientIdentifier");
        }
        II value = values.get(0);
        if (blank(value.getExtension()) || blank(value.getRoot())) {
            throw new DmpException(DmpErrorCode.METADATA_ERROR, "patientIdentifier/value: the INS needs @extension "
                    + "(the INS) and @root (its OID, e.g. 1.2.250.1.213.1.4.10)", "patientIdentifier");
        }
        return new PatientRef(value.getExtension().trim(), value.getRoot().trim());
    }

    // ------------------------------------------------------------------ writing the answer

    /** The record exists: OK, the patient's status and identity, the caller's AUTORISATION and STATUT_MT. */
    public PRPAIN201308UV02 found(PRPAIN201307UV02 request, RecordStatus status) {
        PRPAIN201308UV02 answer = envelope(request, AcknowledgementType.AA);
        if (!isAdministrativeData(request)) {
            // TD0.2 only: the official TD1.3a answer has no attention lines
            answer.getAttentionLine().add(attention(AUTHORIZATION_KEYWORDS, "AUTORISATION",
                    cv(authorization(status.consent()), AUTHORIZATION_VALUES)));
            BL mt = new BL();
            mt.setValue(status.treatingDoctor());
            answer.getAttentionLine().add(attention(TREATING_DOCTOR_KEYWORDS, "STATUT_MT", mt));
        }
        // attention lines come before the acknowledgement in the schema: move it after them
        MCCIMT000300UV01Acknowledgement ack = answer.getAcknowledgement().remove(0);
        answer.getAcknowledgement().add(ack);

        PRPAIN201308UV02MFMIMT700711UV01ControlActProcess act = controlAct(request, "OK");
        PRPAIN201308UV02MFMIMT700711UV01RegistrationEvent event = new PRPAIN201308UV02MFMIMT700711UV01RegistrationEvent();
        event.setClassCode(ActClassRegistration.REG);
        event.setMoodCode(ActMoodEventOccurrence.EVN);
        event.setStatusCode(Hl7Parts.cs("completed"));
        boolean closed = status.state().isEnded();
        if (closed && status.closedAt() != null) {
            IVLTS when = new IVLTS();
            when.setValue(DmpWireValues.time(status.closedAt()));
            event.setEffectiveTime(when);
        }
        PRPAIN201308UV02MFMIMT700711UV01Subject2 subject1 = new PRPAIN201308UV02MFMIMT700711UV01Subject2();
        subject1.setTypeCode(ParticipationTargetSubject.SBJ);
        subject1.setPatient(patient(status, closed, isAdministrativeData(request)));
        event.setSubject1(subject1);
        MFMIMT700711UV01Custodian custodian = new MFMIMT700711UV01Custodian();
        custodian.setTypeCode(ParticipationCustodian.CST);
        COCTMT090003UV01AssignedEntity entity = new COCTMT090003UV01AssignedEntity();
        entity.setClassCode(RoleClassAssignedEntity.ASSIGNED);
        entity.getId().add(Hl7Parts.ii(DMP_DEVICE, null));
        custodian.setAssignedEntity(entity);
        event.setCustodian(custodian);
        PRPAIN201308UV02MFMIMT700711UV01Subject1 subject = new PRPAIN201308UV02MFMIMT700711UV01Subject1();
        subject.setTypeCode(ActRelationshipHasSubject.SUBJ);
        subject.setContextConductionInd(false);
        subject.setRegistrationEvent(event);
        act.getSubject().add(subject);
        if (closed && status.closureReason() != null) {
            MCAIMT900001UV01DetectedIssueEvent issue = new MCAIMT900001UV01DetectedIssueEvent();
            issue.setClassCode(ActClassDetectedIssue.ALRT);
            issue.setMoodCode(ActMoodEventOccurrence.EVN);
            CD code = new CD();
            code.setCode(status.closureReason());
            code.setCodeSystem(PatientRecord.CLOSURE_REASON_SYSTEM);
            issue.setCode(code);
            ED text = new ED();
            // the reason in words the patient gave when closing Mon espace santé, else the reason's code
            text.getContent().add(status.closureText() != null && !status.closureText().isBlank()
                    ? status.closureText() : status.closureReason());
            issue.setText(text);
            MFMIMT700711UV01Reason reason = new MFMIMT700711UV01Reason();
            reason.setTypeCode(ActRelationshipReason.RSON);
            reason.setDetectedIssueEvent(issue);
            act.getReasonOf().add(reason);
        }
        answer.setControlActProcess(act);
        return answer;
    }

    /** No record for this patient (or none yet): NF, no subject. */
    public PRPAIN201308UV02 notFound(PRPAIN201307UV02 request) {
        PRPAIN201308UV02 answer = envelope(request, AcknowledgementType.AA);
        answer.setControlActProcess(controlAct(request, "NF"));
        return answer;
    }

    /** A refusal by the core (or a malformed request): AE with the code and the reason in acknowledgementDetail. */
    public PRPAIN201308UV02 refused(PRPAIN201307UV02 request, DmpException refusal) {
        PRPAIN201308UV02 answer = envelope(request, AcknowledgementType.AE);
        MCCIMT000300UV01AcknowledgementDetail detail = Hl7Parts.errorDetail(refusal.code().name(), CallerIdentity.FAULT_NS,
                DmpWireValues.reason(refusal));
        answer.getAcknowledgement().get(0).getAcknowledgementDetail().add(detail);
        answer.setControlActProcess(controlAct(request, "AE"));
        return answer;
    }

    /** TD1.3a: the request's reasonCode is CNSLT_DATA (consultation of the record's administrative data). */
    static boolean isAdministrativeData(PRPAIN201307UV02 request) {
        PRPAIN201307UV02QUQIMT021001UV01ControlActProcess act = request.getControlActProcess();
        return act != null && act.getReasonCode().stream().anyMatch(r -> "CNSLT_DATA".equals(r.getCode()));
    }

    /** The AUTORISATION value of the caller's standing: VALIDE, INTERDIT (blocked), NON_EXISTE. */
    static String authorization(ConsentStatus consent) {
        if (consent == null) {
            return "NON_EXISTE";
        }
        return consent == ConsentStatus.AUTHORIZED ? "VALIDE" : "INTERDIT";
    }

    // ------------------------------------------------------------------ parts

    private PRPAIN201308UV02 envelope(PRPAIN201307UV02 request, AcknowledgementType type) {
        PRPAIN201308UV02 answer = HL7.createPRPAIN201308UV02();
        answer.setITSVersion("XML_1.0");
        answer.setId(Hl7Parts.ii(UUID.randomUUID().toString(), null));
        TS now = new TS();
        now.setValue(DmpWireValues.time(Instant.now(clock)));
        answer.setCreationTime(now);
        answer.setInteractionId(Hl7Parts.ii(INTERACTION_ROOT, "PRPA_IN201308UV02"));
        answer.setProcessingCode(Hl7Parts.cs("P"));
        answer.setProcessingModeCode(Hl7Parts.cs("T"));
        answer.setAcceptAckCode(Hl7Parts.cs("NE"));
        answer.getReceiver().add(Hl7Parts.receiver(request.getSender()));
        answer.setSender(Hl7Parts.dmpSender());
        MCCIMT000300UV01Acknowledgement ack = Hl7Parts.acknowledgement(type, request.getId());
        answer.getAcknowledgement().add(ack);
        return answer;
    }

    private static PRPAIN201308UV02MFMIMT700711UV01ControlActProcess controlAct(PRPAIN201307UV02 request,
                                                                                String responseCode) {
        PRPAIN201308UV02MFMIMT700711UV01ControlActProcess act = new PRPAIN201308UV02MFMIMT700711UV01ControlActProcess();
        act.setClassCode(ActClassControlAct.CACT);
        act.setMoodCode(XActMoodIntentEvent.EVN);
        PRPAIN201307UV02QUQIMT021001UV01ControlActProcess asked = request.getControlActProcess();
        if (asked != null) {
            Hl7Parts.echoReasons(asked.getReasonCode(), act.getReasonCode());
        }
        MFMIMT700711UV01QueryAck queryAck = new MFMIMT700711UV01QueryAck();
        PRPAMT201307UV02QueryByParameter query = asked == null || asked.getQueryByParameter() == null ? null
                : asked.getQueryByParameter().getValue();
        if (query != null && query.getQueryId() != null) {
            queryAck.setQueryId(Hl7Parts.ii(query.getQueryId().getRoot(), query.getQueryId().getExtension()));
        }
        queryAck.setQueryResponseCode(Hl7Parts.cs(responseCode));
        act.setQueryAck(queryAck);
        return act;
    }

    private static PRPAMT201303UV02Patient patient(RecordStatus status, boolean closed, boolean administrativeData) {
        PRPAMT201303UV02Patient patient = new PRPAMT201303UV02Patient();
        patient.setClassCode(RoleClassPatient.PAT);
        patient.getId().add(Hl7Parts.ii(status.patient().authority(), status.patient().id()));
        patient.setStatusCode(Hl7Parts.cs(closed ? "terminated" : "active"));
        PRPAMT201303UV02Person person = new PRPAMT201303UV02Person();
        person.setClassCode(EntityClass.PSN);
        person.setDeterminerCode(EntityDeterminer.INSTANCE);
        if (status.familyName() != null || status.givenName() != null) {
            person.getName().add(name(status));
        }
        if (status.gender() != null) {
            CE gender = new CE();
            gender.setCode(status.gender());
            person.setAdministrativeGenderCode(gender);
        }
        if (status.birthDate() != null) {
            TS birth = new TS();
            birth.setValue(DmpWireValues.date(status.birthDate()));
            person.setBirthTime(birth);
        }
        patient.setPatientPerson(HL7.createPRPAMT201303UV02PatientPatientPerson(person));
        if (administrativeData) {
            // TD1.3a: the patient's oppositions (official TD1.3a answer), the negation of his emergency switches
            if (status.breakGlassAllowed() != null) {
                patient.getSubjectOf().add(observation("OPPOSITION_BRIS_DE_GLACE", "opposition au mode bris de glace",
                        !status.breakGlassAllowed()));
            }
            if (status.samuAccessAllowed() != null) {
                patient.getSubjectOf().add(observation("OPPOSITION_ACCES_URGENCE", "opposition à l'accès au mode urgence",
                        !status.samuAccessAllowed()));
            }
            return patient;
        }
        // attached to Mon espace santé (an ENS): the record the patient activated, as FHIR dmp-rattachement-mes
        patient.getSubjectOf().add(observation("RATTACHEMENT_ENS", "information de rattachement du DMP à un ENS",
                status.state() == PatientRecordState.ACTIVATED));
        return patient;
    }

    /** A {@code subjectOf/administrativeObservation} of the patient (codeSystem {@link #OBSERVATION_CODES}), BL valued. */
    private static PRPAMT201303UV02Subject4 observation(String code, String display, boolean value) {
        PRPAMT201303UV02AdministrativeObservation observation = new PRPAMT201303UV02AdministrativeObservation();
        observation.setClassCode(ActClassObservation.OBS);
        observation.setMoodCode(ActMood.EVN);
        CD cd = new CD();
        cd.setCode(code);
        cd.setCodeSystem(OBSERVATION_CODES);
        cd.setDisplayName(display);
        observation.setCode(cd);
        BL bl = new BL();
        bl.setValue(value);
        observation.setValue(bl);
        PRPAMT201303UV02Subject4 subjectOf = new PRPAMT201303UV02Subject4();
        subjectOf.setTypeCode(ParticipationTargetSubject.SBJ);
        subjectOf.setAdministrativeObservation(observation);
        return subjectOf;
    }

    /** The patient's name as the record holds it: given, family (qualifier SP). */
    static PN name(RecordStatus status) {
        PN name = new PN();
        if (status.givenName() != null) {
            EnGiven given = new EnGiven();
            given.getContent().add(status.givenName());
            name.getContent().add(HL7.createENGiven(given));
        }
        if (status.familyName() != null) {
            EnFamily family = new EnFamily();
            family.getQualifier().add(EntityNamePartQualifier.SP);
            family.getContent().add(status.familyName());
            name.getContent().add(HL7.createENFamily(family));
        }
        return name;
    }

    private static MCCIMT000300UV01AttentionLine attention(String system, String keyword, ANY value) {
        MCCIMT000300UV01AttentionLine line = new MCCIMT000300UV01AttentionLine();
        SC key = new SC();
        key.setCode(keyword);
        key.setCodeSystem(system);
        line.setKeyWordText(key);
        line.setValue(value);
        return line;
    }

    private static CV cv(String code, String system) {
        CV value = new CV();
        value.setCode(code);
        value.setCodeSystem(system);
        return value;
    }



    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    static <T> T value(JAXBElement<T> element) {
        return element == null ? null : element.getValue();
    }
}
