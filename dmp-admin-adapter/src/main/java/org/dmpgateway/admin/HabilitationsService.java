package org.dmpgateway.admin;

import jakarta.jws.WebService;
import org.dmpgateway.admin.habilitations.ActionType;
import org.dmpgateway.admin.habilitations.AuthorizationByPatient;
import org.dmpgateway.admin.habilitations.AuthorizationByPatientResponse;
import org.dmpgateway.admin.habilitations.HabilitationsEndPoint;
import org.dmpgateway.admin.habilitations.ModeType;
import org.dmpgateway.admin.habilitations.RoleType;
import org.dmpgateway.admin.habilitations.WebServiceResponse;
import org.dmpgateway.model.ConsentStatus;
import org.dmpgateway.model.ProfessionalConsent;
import org.dmpgateway.model.access.AccessContext;
import org.dmpgateway.model.access.AuthorizationDeclaration;
import org.dmpgateway.model.access.ProfessionalStanding;
import org.dmpgateway.model.access.RecordStatus;
import org.dmpgateway.model.error.DmpException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The DMP's "habilitations" service (Habilitations.wsdl) at
 * {@code /si-dmp-server/v2/services/habilitations}. TD0.3 {@code setAuthorization}: the patient is
 * the VIHF's resource-id (the body names none); {@code action} AJOUT (default) or SUPPRESSION,
 * {@code role} MEDECIN_TRAITANT for the médecin traitant DMP role; the core decides, the answer is
 * {@code DMPOk} with what was done in {@code context} (the official example's "Autorisation déjà
 * présente aucune action effectuée" when nothing changed), or the core's refusal code with its
 * reason. TD1.6 {@code listAuthorizationByPatient}: the record's authorised and blocked professionals.
 */
@WebService(serviceName = "HabilitationsEndPointImplService", portName = "HabilitationsEndPointImplPort",
        targetNamespace = "urn:si-dmp-habilitations", wsdlLocation = "classpath:dmp-official/wsdl/Habilitations.wsdl",
        endpointInterface = "org.dmpgateway.admin.habilitations.HabilitationsEndPoint")
public class HabilitationsService implements HabilitationsEndPoint {
    private static final Logger LOG = LoggerFactory.getLogger(HabilitationsService.class);
    /** The OID of a professional's national id (IdNat_PS), as the official TD1.6 answer types it. */
    public static final String PS_NATIONAL_ID = "1.2.250.1.71.4.2.1";
    /** The status of an accepted request, official spelling. */
    public static final String OK = "DMPOk";

    private final AdminCoreClient core;
    private final CallerIdentity identity;

    public HabilitationsService(AdminCoreClient core, CallerIdentity identity) {
        this.core = core;
        this.identity = identity;
    }

    @Override
    public WebServiceResponse setAuthorization(ActionType action, RoleType role) {
        AccessContext caller = identity.current();
        boolean grant = action != ActionType.SUPPRESSION;
        boolean treatingDoctor = role == RoleType.MEDECIN_TRAITANT;
        WebServiceResponse answer = new WebServiceResponse();
        try {
            RecordStatus status = core.declare(caller, new AuthorizationDeclaration(grant, treatingDoctor));
            answer.setStatus(OK);
            answer.setContext(context(grant, treatingDoctor, !Boolean.FALSE.equals(status.changed())));
        } catch (DmpException e) {
            LOG.info("TD0.3 refused: {}", e.getMessage());
            answer.setStatus(e.code().name());
            answer.setContext(DmpWireValues.reason(e));
        }
        return answer;
    }

    /** What was done, in French (the official example's wording when nothing changed). */
    static String context(boolean grant, boolean treatingDoctor, boolean changed) {
        if (treatingDoctor) {
            if (!changed) {
                return grant ? "Médecin traitant DMP déjà déclaré aucune action effectuée"
                        : "Pas de rôle de médecin traitant DMP aucune action effectuée";
            }
            return grant ? "Autorisation et rôle de médecin traitant DMP enregistrés"
                    : "Rôle de médecin traitant DMP supprimé, autorisation conservée";
        }
        if (!changed) {
            return grant ? "Autorisation déjà présente aucune action effectuée"
                    : "Aucune autorisation présente aucune action effectuée";
        }
        return grant ? "Autorisation ajoutée" : "Autorisation supprimée";
    }

    /**
     * TD1.6: the record's professionals, authorised ({@code mode} ACTIVE), blocked (INTERDITE) or both
     * (TOUTE, the default), as the core lists them; {@code DMPOk}, or the core's refusal code and reason.
     */
    @Override
    public AuthorizationByPatientResponse listAuthorizationByPatient(ModeType mode) {
        AccessContext caller = identity.current();
        ConsentStatus only = mode == ModeType.ACTIVE ? ConsentStatus.AUTHORIZED
                : mode == ModeType.INTERDITE ? ConsentStatus.BLOCKED : null;
        AuthorizationByPatientResponse answer = new AuthorizationByPatientResponse();
        try {
            for (ProfessionalStanding p : core.professionals(caller, only)) {
                answer.getListOfAuthorizationByPatient().add(row(p));
            }
            answer.setStatus(OK);
            answer.setContext("");
        } catch (DmpException e) {
            LOG.info("TD1.6 refused: {}", e.getMessage());
            answer.setStatus(e.code().name());
            answer.setContext(DmpWireValues.reason(e));
        }
        return answer;
    }

    /** One professional in the layout of the official TD1.6 answer. */
    static AuthorizationByPatient row(ProfessionalStanding p) {
        ProfessionalConsent c = p.consent();
        AuthorizationByPatient row = new AuthorizationByPatient();
        row.setNationalId(c.actorId());
        row.setNationalIdType(PS_NATIONAL_ID);
        String[] names = DmpWireValues.lastAndFirstName(c.actorName());
        row.setFirstName(names[1]);
        row.setLastName(names[0]);
        if (p.professionCode() != null) {
            row.getCodeSpeciality().add(p.professionCode() + (p.specialtyCode() == null ? "" : "/" + p.specialtyCode()));
            if (p.professionLabel() != null) {
                row.getLibSpeciality().add(p.professionLabel()
                        + (p.specialtyLabel() == null ? "" : " - " + p.specialtyLabel()));
            }
        }
        row.setStartOfAuthorization(DmpWireValues.time(c.since()));
        row.setLastActionDate(DmpWireValues.time(p.lastActionAt()));
        row.setMode(c.isBlocked() ? ModeType.INTERDITE : ModeType.ACTIVE);
        if (c.isTreatingDoctor()) {
            row.getSpecificRight().add(RoleType.MEDECIN_TRAITANT);
        }
        return row;
    }
}
