package org.dmpgateway.mappings.fhir.audit;

import org.dmpgateway.model.access.AccessMode;
import org.dmpgateway.model.access.CallerSoftware;
import org.dmpgateway.model.trail.AccessTrace;
import org.dmpgateway.model.trail.TraceAction;
import org.hl7.fhir.r4.model.AuditEvent;
import org.hl7.fhir.r4.model.AuditEvent.AuditEventAction;
import org.hl7.fhir.r4.model.AuditEvent.AuditEventOutcome;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Reference;

import java.util.Date;

/**
 * One line of the record's history ({@link AccessTrace}) as a FHIR AuditEvent (docs/fhir.md):
 * <ul>
 *   <li>type: the DICOM audit event of the IHE transaction (Import, Query, Export, Patient Record),
 *       subtype: the gateway's action ({@link #ACTION_SYSTEM});</li>
 *   <li>outcome 0 for a success, 4 for a refusal, with the refusal's error code and message in outcomeDesc;</li>
 *   <li>purposeOfEvent: the access mode (TRE_R248), its text the break-glass justification;</li>
 *   <li>agent[0]: the professional (IdNat_PS, name, role), then the care structure, then the caller's
 *       software (type DICOM 110150 Application: name and version, its DMP homologation number as
 *       identifier, its LPS_ID as altId);</li>
 *   <li>entity: the patient (INS), then each document (uniqueId).</li>
 * </ul>
 */
public final class AuditEventMapper {
    /** The gateway's trace actions ({@link TraceAction} names). */
    public static final String ACTION_SYSTEM = "urn:dmp-gateway:trace-action";
    /** TRE_R248_ModeAcces, the access modes. */
    public static final String ACCESS_MODE_SYSTEM = "https://mos.esante.gouv.fr/NOS/TRE_R248_ModeAcces/FHIR/TRE-R248-ModeAcces";
    /** The DMP homologation numbers of professional software (VIHF LPS_ID_HOMOLOGATION_DMP). */
    public static final String HOMOLOGATION_SYSTEM = "urn:dmp-gateway:lps-id-homologation-dmp";
    static final String DICOM = "http://dicom.nema.org/resources/ontology/DCM";
    static final String IDNAT_PS = "urn:oid:1.2.250.1.71.4.2.1";
    static final String ENTITY_TYPE = "http://terminology.hl7.org/CodeSystem/audit-entity-type";

    private AuditEventMapper() {
    }

    public static AuditEvent toResource(AccessTrace trace) {
        AuditEvent event = new AuditEvent();
        if (trace.id() != null) {
            event.setId(String.valueOf(trace.id()));
        }
        event.setType(type(trace.action()));
        event.addSubtype(new Coding(ACTION_SYSTEM, trace.action().name(), null));
        event.setAction(action(trace.action()));
        event.setRecorded(Date.from(trace.time()));
        event.setOutcome(trace.succeeded() ? AuditEventOutcome._0 : AuditEventOutcome._4);
        event.setOutcomeDesc(trace.succeeded() ? trace.detail()
                : trace.outcome() + (trace.detail() == null ? "" : ": " + trace.detail()));
        if (trace.mode() != null) {
            CodeableConcept purpose = new CodeableConcept(new Coding(ACCESS_MODE_SYSTEM,
                    trace.mode().code(), display(trace.mode())));
            purpose.setText(trace.justification());
            event.addPurposeOfEvent(purpose);
        }

        AuditEvent.AuditEventAgentComponent professional = event.addAgent().setRequestor(true);
        professional.setWho(new Reference().setIdentifier(new Identifier().setSystem(IDNAT_PS).setValue(trace.actorId()))
                .setDisplay(trace.actorName()));
        if (trace.role() != null) {
            professional.addRole(new CodeableConcept().setText(trace.role()));
        }
        if (trace.structureId() != null) {
            event.addAgent().setRequestor(false)
                    .setWho(new Reference().setIdentifier(new Identifier().setValue(trace.structureId()))
                            .setDisplay("structure " + trace.structureId()));
        }
        if (trace.software() != null) {
            software(event.addAgent(), trace.software());
        }
        event.getSource().setObserver(new Reference().setDisplay("DMP Gateway"));

        if (trace.patient() != null) {
            event.addEntity().setType(new Coding(ENTITY_TYPE, "1", "Person"))
                    .setWhat(new Reference().setIdentifier(new Identifier()
                            .setSystem("urn:oid:" + trace.patient().authority()).setValue(trace.patient().id())));
        }
        for (String documentId : trace.documentIds()) {
            event.addEntity().setType(new Coding(ENTITY_TYPE, "2", "System Object"))
                    .setWhat(new Reference().setIdentifier(new Identifier().setSystem("urn:ietf:rfc:3986")
                            .setValue(documentId.startsWith("urn:") ? documentId : "urn:oid:" + documentId)));
        }
        return event;
    }

    /**
     * The software the professional used, an agent of type DICOM 110150 "Application" (an agent type
     * of FHIR's participation role types, as IHE audit messages name applications): name "LPS_Nom
     * LPS_Version", who the DMP homologation number ({@link #HOMOLOGATION_SYSTEM}), altId the LPS_ID.
     */
    private static void software(AuditEvent.AuditEventAgentComponent agent, CallerSoftware software) {
        agent.setRequestor(false).setType(new CodeableConcept(new Coding(DICOM, "110150", "Application")));
        agent.setName(software.name());
        agent.setAltId(software.installationId());
        Reference who = new Reference().setDisplay(software.name());
        if (software.homologation() != null) {
            who.setIdentifier(new Identifier().setSystem(HOMOLOGATION_SYSTEM).setValue(software.homologation()));
        }
        agent.setWho(who);
    }

    private static Coding type(TraceAction action) {
        return switch (action) {
            case SUBMIT -> new Coding(DICOM, "110107", "Import");
            case RETRIEVE -> new Coding(DICOM, "110106", "Export");
            case QUERY, STATUS_CHECK -> new Coding(DICOM, "110112", "Query");
            default -> new Coding(DICOM, "110110", "Patient Record");
        };
    }

    private static AuditEventAction action(TraceAction action) {
        return switch (action) {
            case SUBMIT -> AuditEventAction.C;
            case QUERY -> AuditEventAction.E;
            case UPDATE, AUTHORIZE, REVOKE_AUTHORIZATION -> AuditEventAction.U;
            case DELETE -> AuditEventAction.D;
            default -> AuditEventAction.R;
        };
    }

    private static String display(AccessMode mode) {
        return switch (mode) {
            case NORMAL -> "Accès normal";
            case BREAK_GLASS -> "Accès en bris de glace";
            case SAMU_REGULATION -> "Accès par un centre de régulation médicale";
        };
    }
}
