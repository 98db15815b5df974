package org.dmpgateway.admin;

import jakarta.xml.bind.JAXBElement;
import org.dmpgateway.admin.pdq.hl7v3.AcknowledgementDetailType;
import org.dmpgateway.admin.pdq.hl7v3.ActClassControlAct;
import org.dmpgateway.admin.pdq.hl7v3.BL;
import org.dmpgateway.admin.pdq.hl7v3.CD;
import org.dmpgateway.admin.pdq.hl7v3.CE;
import org.dmpgateway.admin.pdq.hl7v3.CS;
import org.dmpgateway.admin.pdq.hl7v3.COCTMT090003UV01AssignedEntity;
import org.dmpgateway.admin.pdq.hl7v3.CommunicationFunctionType;
import org.dmpgateway.admin.pdq.hl7v3.ED;
import org.dmpgateway.admin.pdq.hl7v3.EN;
import org.dmpgateway.admin.pdq.hl7v3.ENXP;
import org.dmpgateway.admin.pdq.hl7v3.EnFamily;
import org.dmpgateway.admin.pdq.hl7v3.EnGiven;
import org.dmpgateway.admin.pdq.hl7v3.EntityClassDevice;
import org.dmpgateway.admin.pdq.hl7v3.II;
import org.dmpgateway.admin.pdq.hl7v3.INT;
import org.dmpgateway.admin.pdq.hl7v3.MCCIMT000100UV01Device;
import org.dmpgateway.admin.pdq.hl7v3.MCCIMT000100UV01Sender;
import org.dmpgateway.admin.pdq.hl7v3.MCCIMT000300UV01Acknowledgement;
import org.dmpgateway.admin.pdq.hl7v3.MCCIMT000300UV01AcknowledgementDetail;
import org.dmpgateway.admin.pdq.hl7v3.MCCIMT000300UV01Device;
import org.dmpgateway.admin.pdq.hl7v3.MCCIMT000300UV01Receiver;
import org.dmpgateway.admin.pdq.hl7v3.MCCIMT000300UV01Sender;
import org.dmpgateway.admin.pdq.hl7v3.MCCIMT000300UV01TargetMessage;
import org.dmpgateway.admin.pdq.hl7v3.MFMIMT700711UV01Custodian;
import org.dmpgateway.admin.pdq.hl7v3.MFMIMT700711UV01QueryAck;
import org.dmpgateway.admin.pdq.hl7v3.ObjectFactory;
import org.dmpgateway.admin.pdq.hl7v3.PN;
import org.dmpgateway.admin.pdq.hl7v3.PRPAIN201305UV02;
import org.dmpgateway.admin.pdq.hl7v3.PRPAIN201306UV02;
import org.dmpgateway.admin.pdq.hl7v3.PRPAIN201306UV02MFMIMT700711UV01ControlActProcess;
import org.dmpgateway.admin.pdq.hl7v3.PRPAIN201306UV02MFMIMT700711UV01RegistrationEvent;
import org.dmpgateway.admin.pdq.hl7v3.PRPAIN201306UV02MFMIMT700711UV01Subject1;
import org.dmpgateway.admin.pdq.hl7v3.PRPAIN201306UV02MFMIMT700711UV01Subject2;
import org.dmpgateway.admin.pdq.hl7v3.PRPAMT201306UV02LivingSubjectAdministrativeGender;
import org.dmpgateway.admin.pdq.hl7v3.PRPAMT201306UV02LivingSubjectBirthTime;
import org.dmpgateway.admin.pdq.hl7v3.PRPAMT201306UV02LivingSubjectName;
import org.dmpgateway.admin.pdq.hl7v3.PRPAMT201306UV02ParameterList;
import org.dmpgateway.admin.pdq.hl7v3.PRPAMT201306UV02QueryByParameter;
import org.dmpgateway.admin.pdq.hl7v3.PRPAMT201310UV02AdministrativeObservation;
import org.dmpgateway.admin.pdq.hl7v3.PRPAMT201310UV02Patient;
import org.dmpgateway.admin.pdq.hl7v3.PRPAMT201310UV02Person;
import org.dmpgateway.admin.pdq.hl7v3.PRPAMT201310UV02QueryMatchObservation;
import org.dmpgateway.admin.pdq.hl7v3.PRPAMT201310UV02Subject;
import org.dmpgateway.admin.pdq.hl7v3.PRPAMT201310UV02Subject4;
import org.dmpgateway.admin.pdq.hl7v3.ParticipationTargetSubject;
import org.dmpgateway.admin.pdq.hl7v3.SC;
import org.dmpgateway.admin.pdq.hl7v3.TS;
import org.dmpgateway.admin.pdq.hl7v3.XActMoodIntentEvent;
import org.dmpgateway.model.PatientRecord;
import org.dmpgateway.model.access.PatientMatch;
import org.dmpgateway.model.access.PatientSearch;
import org.dmpgateway.model.error.DmpErrorCode;
import org.dmpgateway.model.error.DmpException;

import java.io.Serializable;
import java.math.BigInteger;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * TD0.5 on the wire (IHE PDQv3, HL7v3 Normative Edition 2008 as the DMP's PDQSupplier.wsdl imports it):
 * reads the demographics a {@code PRPA_IN201305UV02} searches by and writes the {@code PRPA_IN201306UV02}
 * of the patients the core found, with the JAXB classes generated from the official NE2008 schemas, in
 * the layout of the official example answer ("DMP_LPS_Exemple de messages" v02.05.00, TD0.5). It
 * translates only: which patients, and how well they match, is the core's decision.
 */
public final class Td05Messages {
    /** The DMP's code for a match's score (official TD0.5 answer, queryMatchObservation/code). */
    static final String MATCH_PERCENT = "POURCENTAGE";
    private static final ObjectFactory HL7 = new ObjectFactory();

    private final Clock clock;

    public Td05Messages(Clock clock) {
        this.clock = clock;
    }

    // ------------------------------------------------------------------ reading the request

    /**
     * The demographics searched: {@code livingSubjectName} (family, given), {@code livingSubjectBirthTime},
     * {@code livingSubjectAdministrativeGender}; other parameters (address, telecom...) are not searched by.
     *
     * @throws DmpException METADATA_ERROR naming the element when the query is missing or a value unreadable
     */
    public static PatientSearch search(PRPAIN201305UV02 request) {
        PRPAMT201306UV02QueryByParameter query = query(request);
        PRPAMT201306UV02ParameterList parameters = query == null ? null : query.getParameterList();
        if (parameters == null) {
            throw new DmpException(DmpErrorCode.METADATA_ERROR, "controlActProcess/queryByParameter/parameterList: "
                    + "required (the demographics searched: livingSubjectName...)", "parameterList");
        }
        String family = null;
        String given = null;
        for (PRPAMT201306UV02LivingSubjectName name : parameters.getLivingSubjectName()) {
            for (EN value : name.getValue()) {
                for (Serializable part : value.getContent()) {
                    Object v = part instanceof JAXBElement<?> e ? e.getValue() : null;
                    if (v instanceof EnFamily f && family == null) {
                        family = text(f);
                    } else if (v instanceof EnGiven g && given == null) {
                        given = text(g);
                    }
                }
            }
        }
        LocalDate birth = null;
        for (PRPAMT201306UV02LivingSubjectBirthTime time : parameters.getLivingSubjectBirthTime()) {
            if (!time.getValue().isEmpty() && birth == null) {
                birth = DmpWireValues.parseDate(time.getValue().get(0).getValue(),
                        "parameterList/livingSubjectBirthTime");
            }
        }
        String gender = null;
        for (PRPAMT201306UV02LivingSubjectAdministrativeGender g : parameters.getLivingSubjectAdministrativeGender()) {
            if (!g.getValue().isEmpty() && gender == null) {
                gender = g.getValue().get(0).getCode();
            }
        }
        return new PatientSearch(family, given, birth, gender);
    }

    // ------------------------------------------------------------------ writing the answer

    /** The patients found: OK and one registration event each, or NF when none. */
    public PRPAIN201306UV02 found(PRPAIN201305UV02 request, List<PatientMatch> found) {
        PRPAIN201306UV02 answer = envelope(request, "AA", null);
        PRPAIN201306UV02MFMIMT700711UV01ControlActProcess act = controlAct(request, found.isEmpty() ? "NF" : "OK",
                found.size());
        for (PatientMatch match : found) {
            act.getSubject().add(subject(match));
        }
        answer.setControlActProcess(act);
        return answer;
    }

    /**
     * A refusal: AE with the DMP Gateway code and the reason in acknowledgementDetail; queryResponseCode
     * QE for a query the DMP cannot answer as asked (a missing or unreadable criterion, too many patients),
     * AE otherwise.
     */
    public PRPAIN201306UV02 refused(PRPAIN201305UV02 request, DmpException refusal) {
        MCCIMT000300UV01AcknowledgementDetail detail = new MCCIMT000300UV01AcknowledgementDetail();
        detail.setTypeCode(AcknowledgementDetailType.E);
        CE code = new CE();
        code.setCode(refusal.code().name());
        code.setCodeSystem(CallerIdentity.FAULT_NS);
        detail.setCode(code);
        ED text = new ED();
        text.getContent().add(DmpWireValues.reason(refusal));
        detail.setText(text);
        PRPAIN201306UV02 answer = envelope(request, "AE", detail);
        boolean queryError = refusal.code() == DmpErrorCode.METADATA_ERROR
                || refusal.code() == DmpErrorCode.TOO_MANY_RESULTS;
        answer.setControlActProcess(controlAct(request, queryError ? "QE" : "AE", 0));
        return answer;
    }

    // ------------------------------------------------------------------ parts

    private PRPAIN201306UV02 envelope(PRPAIN201305UV02 request, String ackType,
                                      MCCIMT000300UV01AcknowledgementDetail detail) {
        PRPAIN201306UV02 answer = HL7.createPRPAIN201306UV02();
        answer.setITSVersion("XML_1.0");
        answer.setId(ii(UUID.randomUUID().toString(), null));
        TS now = new TS();
        now.setValue(DmpWireValues.time(Instant.now(clock)));
        answer.setCreationTime(now);
        answer.setInteractionId(ii(Td02Messages.INTERACTION_ROOT, "PRPA_IN201306UV02"));
        answer.setProcessingCode(cs("P"));
        answer.setProcessingModeCode(cs("T"));
        answer.setAcceptAckCode(cs("NE"));
        MCCIMT000300UV01Receiver receiver = new MCCIMT000300UV01Receiver();
        receiver.setTypeCode(CommunicationFunctionType.RCV);
        MCCIMT000100UV01Sender asker = request.getSender();
        MCCIMT000100UV01Device requester = asker == null ? null : asker.getDevice();
        receiver.setDevice(device(requester == null || requester.getId().isEmpty() ? null : requester.getId().get(0).getRoot(),
                requester == null || requester.getSoftwareName() == null ? null
                        : Hl7Parts.text(requester.getSoftwareName().getContent())));
        answer.getReceiver().add(receiver);
        MCCIMT000300UV01Sender sender = new MCCIMT000300UV01Sender();
        sender.setTypeCode(CommunicationFunctionType.SND);
        sender.setDevice(device(Td02Messages.DMP_DEVICE, "DMP"));
        answer.setSender(sender);
        // NE2008: the acknowledgement's typeCode is an element (<typeCode code="AA"/>), as the official answer
        MCCIMT000300UV01Acknowledgement ack = new MCCIMT000300UV01Acknowledgement();
        ack.setTypeCode(cs(ackType));
        MCCIMT000300UV01TargetMessage target = new MCCIMT000300UV01TargetMessage();
        if (request.getId() != null) {
            target.setId(ii(request.getId().getRoot(), request.getId().getExtension()));
        }
        ack.setTargetMessage(target);
        if (detail != null) {
            ack.getAcknowledgementDetail().add(detail);
        }
        answer.getAcknowledgement().add(ack);
        return answer;
    }

    /** The control act: its code, the query's acknowledgement (the quantities) and the query echoed. */
    private static PRPAIN201306UV02MFMIMT700711UV01ControlActProcess controlAct(PRPAIN201305UV02 request,
                                                                                String responseCode, int count) {
        PRPAIN201306UV02MFMIMT700711UV01ControlActProcess act = new PRPAIN201306UV02MFMIMT700711UV01ControlActProcess();
        act.setClassCode(ActClassControlAct.CACT);
        act.setMoodCode(XActMoodIntentEvent.EVN);
        // a CS, as the official answer types it (xsi:type="CS")
        CS code = cs("PRPA_TE201306UV02");
        code.setCodeSystem(Td02Messages.INTERACTION_ROOT);
        act.setCode(code);
        MFMIMT700711UV01QueryAck queryAck = new MFMIMT700711UV01QueryAck();
        PRPAMT201306UV02QueryByParameter query = query(request);
        if (query != null && query.getQueryId() != null) {
            queryAck.setQueryId(ii(query.getQueryId().getRoot(), query.getQueryId().getExtension()));
        }
        queryAck.setQueryResponseCode(cs(responseCode));
        queryAck.setResultTotalQuantity(quantity(count));
        queryAck.setResultCurrentQuantity(quantity(count));
        queryAck.setResultRemainingQuantity(quantity(0));
        act.setQueryAck(queryAck);
        if (query != null) {
            act.setQueryByParameter(HL7.createPRPAIN201306UV02MFMIMT700711UV01ControlActProcessQueryByParameter(query));
        }
        return act;
    }

    /** One patient found, in the layout of the official answer. */
    private static PRPAIN201306UV02MFMIMT700711UV01Subject1 subject(PatientMatch match) {
        PatientRecord r = match.record();
        PRPAMT201310UV02Patient patient = new PRPAMT201310UV02Patient();
        patient.getClassCode().add("PAT");
        patient.getId().add(ii(r.ins().authority(), r.ins().id()));
        patient.setStatusCode(cs(r.state().isEnded() ? "terminated" : "active"));
        PRPAMT201310UV02Person person = new PRPAMT201310UV02Person();
        person.getClassCode().add("PSN");
        person.setDeterminerCode("INSTANCE");
        PN name = new PN();
        if (r.givenName() != null) {
            EnGiven given = new EnGiven();
            given.getContent().add(r.givenName());
            name.getContent().add(HL7.createENGiven(given));
        }
        if (r.familyName() != null) {
            name.getContent().add(HL7.createENFamily(family(r.familyName(), "SP")));
        }
        if (r.birthName() != null) {
            name.getContent().add(HL7.createENFamily(family(r.birthName(), "BR")));
        }
        person.getName().add(name);
        if (r.gender() != null) {
            CE gender = new CE();
            gender.setCode(r.gender());
            person.setAdministrativeGenderCode(gender);
        }
        if (r.birthDate() != null) {
            TS birth = new TS();
            birth.setValue(DmpWireValues.date(r.birthDate()));
            person.setBirthTime(birth);
        }
        patient.setPatientPerson(HL7.createPRPAMT201310UV02PatientPatientPerson(person));
        PRPAMT201310UV02QueryMatchObservation score = new PRPAMT201310UV02QueryMatchObservation();
        score.getClassCode().add("COND");
        score.getMoodCode().add("EVN");
        score.setCode(cs(MATCH_PERCENT));
        score.setValue(quantity(match.matchPercent()));
        PRPAMT201310UV02Subject subjectOf1 = new PRPAMT201310UV02Subject();
        subjectOf1.setTypeCode(ParticipationTargetSubject.SBJ);
        subjectOf1.setQueryMatchObservation(score);
        patient.getSubjectOf1().add(subjectOf1);
        // the patient's opposition to the SAMU's emergency access: the negation of his switch (official answer)
        PRPAMT201310UV02AdministrativeObservation opposition = new PRPAMT201310UV02AdministrativeObservation();
        CD oppositionCode = new CD();
        oppositionCode.setCode("OPPOSITION_ACCES_URGENCE");
        oppositionCode.setCodeSystem(Td02Messages.OBSERVATION_CODES);
        oppositionCode.setDisplayName("opposition au mode Urgence");
        opposition.setCode(oppositionCode);
        BL opposed = new BL();
        opposed.setValue(!r.settings().samuAccessAllowed());
        opposition.setValue(opposed);
        PRPAMT201310UV02Subject4 subjectOf2 = new PRPAMT201310UV02Subject4();
        subjectOf2.setAdministrativeObservation(opposition);
        patient.getSubjectOf2().add(subjectOf2);

        PRPAIN201306UV02MFMIMT700711UV01Subject2 subject1 = new PRPAIN201306UV02MFMIMT700711UV01Subject2();
        subject1.setTypeCode(ParticipationTargetSubject.SBJ);
        subject1.setPatient(patient);
        PRPAIN201306UV02MFMIMT700711UV01RegistrationEvent event = new PRPAIN201306UV02MFMIMT700711UV01RegistrationEvent();
        event.getClassCode().add("REG");
        event.getMoodCode().add("EVN");
        event.setStatusCode(cs("active"));
        event.setSubject1(subject1);
        MFMIMT700711UV01Custodian custodian = new MFMIMT700711UV01Custodian();
        custodian.getTypeCode().add("CST");
        COCTMT090003UV01AssignedEntity entity = new COCTMT090003UV01AssignedEntity();
        entity.setClassCode("ASSIGNED");
        entity.getId().add(ii(Td02Messages.DMP_DEVICE, null));
        custodian.setAssignedEntity(entity);
        event.setCustodian(custodian);
        PRPAIN201306UV02MFMIMT700711UV01Subject1 subject = new PRPAIN201306UV02MFMIMT700711UV01Subject1();
        subject.getTypeCode().add("SUBJ");
        subject.setContextConductionInd(false);
        subject.setRegistrationEvent(event);
        return subject;
    }

    private static PRPAMT201306UV02QueryByParameter query(PRPAIN201305UV02 request) {
        return request.getControlActProcess() == null || request.getControlActProcess().getQueryByParameter() == null
                ? null : request.getControlActProcess().getQueryByParameter().getValue();
    }

    private static EnFamily family(String value, String qualifier) {
        EnFamily family = new EnFamily();
        family.getQualifier().add(qualifier);
        family.getContent().add(value);
        return family;
    }

    private static String text(ENXP part) {
        return Hl7Parts.text(part.getContent());
    }

    private static MCCIMT000300UV01Device device(String root, String software) {
        MCCIMT000300UV01Device device = new MCCIMT000300UV01Device();
        device.setClassCode(EntityClassDevice.DEV);
        device.setDeterminerCode("INSTANCE");
        if (root != null) {
            device.getId().add(ii(root, null));
        }
        if (software != null) {
            SC name = new SC();
            name.getContent().add(software);
            device.setSoftwareName(name);
        }
        return device;
    }

    private static INT quantity(int value) {
        INT quantity = new INT();
        quantity.setValue(BigInteger.valueOf(value));
        return quantity;
    }

    private static CS cs(String code) {
        CS value = new CS();
        value.setCode(code);
        return value;
    }

    private static II ii(String root, String extension) {
        II id = new II();
        id.setRoot(root);
        id.setExtension(extension);
        return id;
    }
}
