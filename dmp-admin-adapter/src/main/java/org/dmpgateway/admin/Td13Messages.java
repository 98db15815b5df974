package org.dmpgateway.admin;

import jakarta.xml.bind.JAXBElement;
import org.dmpgateway.admin.gdp.PRPAIN201314UV02ResponseType;
import org.dmpgateway.admin.hl7v3.AcknowledgementType;
import org.dmpgateway.admin.hl7v3.ActClassControlAct;
import org.dmpgateway.admin.hl7v3.ActClassRegistration;
import org.dmpgateway.admin.hl7v3.ActMoodEventOccurrence;
import org.dmpgateway.admin.hl7v3.ActRelationshipHasSubject;
import org.dmpgateway.admin.hl7v3.BL;
import org.dmpgateway.admin.hl7v3.CE;
import org.dmpgateway.admin.hl7v3.COCTMT090003UV01AssignedEntity;
import org.dmpgateway.admin.hl7v3.EnFamily;
import org.dmpgateway.admin.hl7v3.EnGiven;
import org.dmpgateway.admin.hl7v3.EntityClass;
import org.dmpgateway.admin.hl7v3.EntityDeterminer;
import org.dmpgateway.admin.hl7v3.II;
import org.dmpgateway.admin.hl7v3.MFMIMT700701UV01Custodian;
import org.dmpgateway.admin.hl7v3.MFMIMT700721UV01Reason;
import org.dmpgateway.admin.hl7v3.ObjectFactory;
import org.dmpgateway.admin.hl7v3.PN;
import org.dmpgateway.admin.hl7v3.PRPAIN201314UV02;
import org.dmpgateway.admin.hl7v3.PRPAIN201314UV02MFMIMT700721UV01ControlActProcess;
import org.dmpgateway.admin.hl7v3.PRPAIN201314UV02MFMIMT700721UV01RegistrationRequest;
import org.dmpgateway.admin.hl7v3.PRPAIN201315UV02;
import org.dmpgateway.admin.hl7v3.PRPAIN201315UV02MFMIMT700701UV01ControlActProcess;
import org.dmpgateway.admin.hl7v3.PRPAIN201315UV02MFMIMT700701UV01RegistrationEvent;
import org.dmpgateway.admin.hl7v3.PRPAIN201315UV02MFMIMT700701UV01Subject1;
import org.dmpgateway.admin.hl7v3.PRPAIN201315UV02MFMIMT700701UV01Subject2;
import org.dmpgateway.admin.hl7v3.PRPAIN201316UV02;
import org.dmpgateway.admin.hl7v3.PRPAIN201316UV02MFMIMT700721UV01ControlActProcess;
import org.dmpgateway.admin.hl7v3.PRPAMT201302UV02Patient;
import org.dmpgateway.admin.hl7v3.PRPAMT201302UV02PatientId;
import org.dmpgateway.admin.hl7v3.PRPAMT201302UV02Person;
import org.dmpgateway.admin.hl7v3.PRPAMT201302UV02Subject4;
import org.dmpgateway.admin.hl7v3.PRPAMT201303UV02Patient;
import org.dmpgateway.admin.hl7v3.PRPAMT201303UV02Person;
import org.dmpgateway.admin.hl7v3.ParticipationCustodian;
import org.dmpgateway.admin.hl7v3.ParticipationTargetSubject;
import org.dmpgateway.admin.hl7v3.RoleClassAssignedEntity;
import org.dmpgateway.admin.hl7v3.RoleClassPatient;
import org.dmpgateway.admin.hl7v3.TS;
import org.dmpgateway.admin.hl7v3.XActMoodIntentEvent;
import org.dmpgateway.model.PatientRef;
import org.dmpgateway.model.access.RecordRevision;
import org.dmpgateway.model.access.RecordStatus;
import org.dmpgateway.model.error.DmpErrorCode;
import org.dmpgateway.model.error.DmpException;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * TD1.3b and TD1.4 on the wire: reads a {@code PRPA_IN201314UV02} (reasonCode MODIF_DATA: new
 * administrative data; FERM: closure, its reason in {@code controlActProcess/reasonOf/detectedIssueEvent})
 * into the core's {@link RecordRevision}, and writes the answer, {@code PRPA_IN201315UV02} (accepted) or
 * {@code PRPA_IN201316UV02} (refused) inside {@code PRPA_IN201314UV02_Response}, with the JAXB classes
 * generated from the official schemas, in the layout of the official answers (S1 TD1.3b, TD1.4).
 * Translates only: whether the change is allowed is the core's decision.
 */
final class Td13Messages {
    /** The request reasons (TRE_R271-TypeRequete, 1.2.250.1.213.1.1.4.11) this message carries. */
    static final String MODIFY = "MODIF_DATA";
    static final String CLOSE = "FERM";
    /** administrativeObservation codes of the patient's oppositions (official TD1.3b request). */
    static final String BREAK_GLASS_OPPOSITION = "OPPOSITION_BRIS_DE_GLACE";
    static final String EMERGENCY_OPPOSITION = "OPPOSITION_ACCES_URGENCE";
    /** The refusal code of a closure of a closed record, as the ANS kit reads it (S4 {@code CloseDMP()}). */
    static final String DMP_CLOSED = "DMPClosed";
    /** The root of the DMP's answer ids (official TD1.3b / TD1.4 answers). */
    static final String ANSWER_ID_ROOT = Td02Messages.DMP_DEVICE + ".1";

    private static final ObjectFactory HL7 = new ObjectFactory();

    private final Clock clock;

    Td13Messages(Clock clock) {
        this.clock = clock;
    }

    // ------------------------------------------------------------------ reading the request

    /** The request's reason: {@link #MODIFY} or {@link #CLOSE}; METADATA_ERROR naming reasonCode otherwise. */
    static String reason(PRPAIN201314UV02 request) {
        PRPAIN201314UV02MFMIMT700721UV01ControlActProcess act = request.getControlActProcess();
        List<CE> reasons = act == null ? List.of() : act.getReasonCode();
        for (CE reason : reasons) {
            if (MODIFY.equals(reason.getCode()) || CLOSE.equals(reason.getCode())) {
                return reason.getCode();
            }
        }
        String given = reasons.isEmpty() ? "none" : reasons.get(0).getCode();
        throw new DmpException(DmpErrorCode.METADATA_ERROR, "controlActProcess/reasonCode: MODIF_DATA (TD1.3b) or FERM "
                + "(TD1.4) expected, got " + given + " (REAC, TD1.2 reactivation, is not served)", "reasonCode");
    }

    /** The request asks for a closure (reasonCode FERM), whatever else it holds. */
    static boolean isClosure(PRPAIN201314UV02 request) {
        PRPAIN201314UV02MFMIMT700721UV01ControlActProcess act = request.getControlActProcess();
        return act != null && act.getReasonCode().stream().anyMatch(r -> CLOSE.equals(r.getCode()));
    }

    /** The patient the message names: {@code registrationRequest/subject1/patient/id}. */
    static PatientRef requestedPatient(PRPAIN201314UV02 request) {
        PRPAMT201302UV02Patient patient = patient(request);
        List<PRPAMT201302UV02PatientId> ids = patient == null ? List.of() : patient.getId();
        for (II id : ids) {
            if (id.getExtension() != null && !id.getExtension().isBlank() && Td02Messages.INS_OIDS.contains(id.getRoot())) {
                return new PatientRef(id.getExtension().trim(), id.getRoot().trim());
            }
        }
        throw new DmpException(DmpErrorCode.METADATA_ERROR, "controlActProcess/subject/registrationRequest/subject1/"
                + "patient/id: the patient's INS (@extension, @root one of " + Td02Messages.INS_OIDS + ") is required",
                "patient/id");
    }

    /** What the request asks the core: a closure (FERM) with its reason, or the new administrative data. */
    static RecordRevision revision(PRPAIN201314UV02 request) {
        if (CLOSE.equals(reason(request))) {
            String reason = null;
            for (MFMIMT700721UV01Reason r : request.getControlActProcess().getReasonOf()) {
                if (r.getDetectedIssueEvent() != null && r.getDetectedIssueEvent().getCode() != null) {
                    reason = r.getDetectedIssueEvent().getCode().getCode();
                }
            }
            return RecordRevision.close(reason);
        }
        PRPAMT201302UV02Patient patient = patient(request);
        PRPAMT201302UV02Person person = patient == null ? null : Td02Messages.value(patient.getPatientPerson());
        String family = null;
        String given = null;
        String gender = null;
        LocalDate birth = null;
        if (person != null) {
            for (PN name : person.getName()) {
                List<String> givens = new ArrayList<>();
                for (Object part : name.getContent()) {
                    Object v = part instanceof JAXBElement<?> e ? e.getValue() : null;
                    if (v instanceof EnFamily f && family == null) {
                        family = Hl7Parts.text(f.getContent());
                    } else if (v instanceof EnGiven g && Hl7Parts.text(g.getContent()) != null) {
                        givens.add(Hl7Parts.text(g.getContent()));
                    }
                }
                if (given == null && !givens.isEmpty()) {
                    given = String.join(" ", givens);
                }
            }
            gender = person.getAdministrativeGenderCode() == null ? null : person.getAdministrativeGenderCode().getCode();
            birth = birthDate(person.getBirthTime());
        }
        Boolean breakGlassOpposed = opposition(patient, BREAK_GLASS_OPPOSITION);
        Boolean emergencyOpposed = opposition(patient, EMERGENCY_OPPOSITION);
        return new RecordRevision(false, family, given, birth, gender,
                breakGlassOpposed == null ? null : !breakGlassOpposed,
                emergencyOpposed == null ? null : !emergencyOpposed, null);
    }

    private static PRPAMT201302UV02Patient patient(PRPAIN201314UV02 request) {
        PRPAIN201314UV02MFMIMT700721UV01ControlActProcess act = request.getControlActProcess();
        PRPAIN201314UV02MFMIMT700721UV01RegistrationRequest registration = act == null || act.getSubject() == null ? null
                : act.getSubject().getRegistrationRequest();
        return registration == null || registration.getSubject1() == null ? null : registration.getSubject1().getPatient();
    }

    private static LocalDate birthDate(TS birthTime) {
        return birthTime == null ? null : DmpWireValues.parseDate(birthTime.getValue(), "patientPerson/birthTime");
    }

    /** The BL value of an administrativeObservation the request gives ({@code code}), null when absent. */
    private static Boolean opposition(PRPAMT201302UV02Patient patient, String code) {
        if (patient == null) {
            return null;
        }
        for (PRPAMT201302UV02Subject4 subject : patient.getSubjectOf()) {
            var observation = subject.getAdministrativeObservation();
            if (observation != null && observation.getCode() != null && code.equals(observation.getCode().getCode())
                    && observation.getValue() instanceof BL value && value.isValue() != null) {
                return value.isValue();
            }
        }
        return null;
    }

    // ------------------------------------------------------------------ writing the answer

    /** Accepted: {@code PRPA_IN201315UV02}, the patient's status (active, terminated) and name. */
    PRPAIN201314UV02ResponseType accepted(PRPAIN201314UV02 request, RecordStatus status) {
        PRPAIN201315UV02 answer = new PRPAIN201315UV02();
        answer.setITSVersion("XML_1.0");
        answer.setId(Hl7Parts.ii(ANSWER_ID_ROOT, UUID.randomUUID().toString()));
        answer.setCreationTime(now());
        answer.setInteractionId(Hl7Parts.ii(Td02Messages.INTERACTION_ROOT, "PRPA_IN201315UV02"));
        answer.setProcessingCode(Hl7Parts.cs("P"));
        answer.setProcessingModeCode(Hl7Parts.cs("T"));
        answer.setAcceptAckCode(Hl7Parts.cs("NE"));
        answer.getReceiver().add(Hl7Parts.receiver(request.getSender()));
        answer.setSender(Hl7Parts.dmpSender());
        answer.getAcknowledgement().add(Hl7Parts.acknowledgement(AcknowledgementType.AA, request.getId()));

        PRPAIN201315UV02MFMIMT700701UV01ControlActProcess act = new PRPAIN201315UV02MFMIMT700701UV01ControlActProcess();
        act.setClassCode(ActClassControlAct.CACT);
        act.setMoodCode(XActMoodIntentEvent.EVN);
        Hl7Parts.echoReasons(request.getControlActProcess().getReasonCode(), act.getReasonCode());
        PRPAIN201315UV02MFMIMT700701UV01RegistrationEvent event = new PRPAIN201315UV02MFMIMT700701UV01RegistrationEvent();
        event.setClassCode(ActClassRegistration.REG);
        event.setMoodCode(ActMoodEventOccurrence.EVN);
        event.setStatusCode(Hl7Parts.cs("completed"));
        PRPAMT201303UV02Patient patient = new PRPAMT201303UV02Patient();
        patient.setClassCode(RoleClassPatient.PAT);
        boolean closed = status.state().isEnded();
        patient.setStatusCode(Hl7Parts.cs(closed ? "terminated" : "active"));
        PRPAMT201303UV02Person person = new PRPAMT201303UV02Person();
        person.setClassCode(EntityClass.PSN);
        person.setDeterminerCode(EntityDeterminer.INSTANCE);
        person.getName().add(Td02Messages.name(status));
        patient.setPatientPerson(HL7.createPRPAMT201303UV02PatientPatientPerson(person));
        PRPAIN201315UV02MFMIMT700701UV01Subject2 subject1 = new PRPAIN201315UV02MFMIMT700701UV01Subject2();
        subject1.setTypeCode(ParticipationTargetSubject.SBJ);
        subject1.setPatient(patient);
        event.setSubject1(subject1);
        MFMIMT700701UV01Custodian custodian = new MFMIMT700701UV01Custodian();
        custodian.setTypeCode(ParticipationCustodian.CST);
        COCTMT090003UV01AssignedEntity dmp = new COCTMT090003UV01AssignedEntity();
        dmp.setClassCode(RoleClassAssignedEntity.ASSIGNED);
        dmp.getId().add(Hl7Parts.ii(Td02Messages.DMP_DEVICE, null));
        custodian.setAssignedEntity(dmp);
        event.setCustodian(custodian);
        PRPAIN201315UV02MFMIMT700701UV01Subject1 subject = new PRPAIN201315UV02MFMIMT700701UV01Subject1();
        subject.setTypeCode(ActRelationshipHasSubject.SUBJ);
        subject.setContextConductionInd(false);
        subject.setRegistrationEvent(event);
        act.getSubject().add(subject);
        answer.setControlActProcess(act);

        PRPAIN201314UV02ResponseType wrapper = new PRPAIN201314UV02ResponseType();
        wrapper.setPRPAIN201315UV02(answer);
        return wrapper;
    }

    /**
     * Refused: {@code PRPA_IN201316UV02}, acknowledgement AE whose detail is the refusal's code: the kit's
     * {@code DMPClosed} for a closed record (S4), else the DMP Gateway code (codeSystem urn:dmp-gateway:error:
     * the DMP's own codes are not public), and the reason.
     */
    PRPAIN201314UV02ResponseType refused(PRPAIN201314UV02 request, DmpException refusal) {
        PRPAIN201316UV02 answer = new PRPAIN201316UV02();
        answer.setITSVersion("XML_1.0");
        answer.setId(Hl7Parts.ii(ANSWER_ID_ROOT, UUID.randomUUID().toString()));
        answer.setCreationTime(now());
        answer.setInteractionId(Hl7Parts.ii(Td02Messages.INTERACTION_ROOT, "PRPA_IN201316UV02"));
        answer.setProcessingCode(Hl7Parts.cs("P"));
        answer.setProcessingModeCode(Hl7Parts.cs("T"));
        answer.setAcceptAckCode(Hl7Parts.cs("NE"));
        answer.getReceiver().add(Hl7Parts.receiver(request.getSender()));
        answer.setSender(Hl7Parts.dmpSender());
        var ack = Hl7Parts.acknowledgement(AcknowledgementType.AE, request.getId());
        boolean closed = refusal.code() == DmpErrorCode.DMP_CLOSED;
        ack.getAcknowledgementDetail().add(Hl7Parts.errorDetail(closed ? DMP_CLOSED : refusal.code().name(),
                closed ? null : CallerIdentity.FAULT_NS, DmpWireValues.reason(refusal)));
        answer.getAcknowledgement().add(ack);
        PRPAIN201316UV02MFMIMT700721UV01ControlActProcess act = new PRPAIN201316UV02MFMIMT700721UV01ControlActProcess();
        act.setClassCode(ActClassControlAct.CACT);
        act.setMoodCode(XActMoodIntentEvent.EVN);
        if (request.getControlActProcess() != null) {
            Hl7Parts.echoReasons(request.getControlActProcess().getReasonCode(), act.getReasonCode());
        }
        answer.setControlActProcess(act);

        PRPAIN201314UV02ResponseType wrapper = new PRPAIN201314UV02ResponseType();
        wrapper.setPRPAIN201316UV02(answer);
        return wrapper;
    }

    private TS now() {
        TS now = new TS();
        now.setValue(DmpWireValues.time(Instant.now(clock)));
        return now;
    }
}
