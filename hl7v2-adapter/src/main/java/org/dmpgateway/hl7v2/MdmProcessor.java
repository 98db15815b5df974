package org.dmpgateway.hl7v2;

import ca.uhn.hl7v2.HL7Exception;
import ca.uhn.hl7v2.model.Message;
import ca.uhn.hl7v2.parser.Parser;
import ca.uhn.hl7v2.util.Terser;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.dmpgateway.config.DmpProperties;
import org.dmpgateway.mappings.fhir.common.UuidOids;
import org.dmpgateway.mappings.hl7v2.ApplicationError;
import org.dmpgateway.mappings.hl7v2.CdaHeader;
import org.dmpgateway.mappings.hl7v2.CdaHeaderReader;
import org.dmpgateway.mappings.hl7v2.Hl7v2Acks;
import org.dmpgateway.mappings.hl7v2.Hl7v2Errors;
import org.dmpgateway.mappings.hl7v2.Hl7v2MailMapper;
import org.dmpgateway.mappings.hl7v2.Hl7v2Refusal;
import org.dmpgateway.mappings.hl7v2.Hl7v2SubmissionMapper;
import org.dmpgateway.mappings.hl7v2.MdmMessage;
import org.dmpgateway.mappings.hl7v2.MdmMessageReader;
import org.dmpgateway.model.Core;
import org.dmpgateway.model.DocumentEntryRecord;
import org.dmpgateway.model.DocumentRemoval;
import org.dmpgateway.model.EntryStatus;
import org.dmpgateway.model.PatientRef;
import org.dmpgateway.model.ReceivedMessages;
import org.dmpgateway.model.access.AccessContext;
import org.dmpgateway.model.error.DmpErrorCode;
import org.dmpgateway.model.error.DmpException;
import org.dmpgateway.model.messaging.DeliveryOutcome;
import org.dmpgateway.model.messaging.SecureMessaging;
import org.dmpgateway.model.query.QueryCommand;
import org.dmpgateway.model.query.RegistryQuery;
import org.dmpgateway.model.trail.TraceAction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * One MDM message of the guide (docs/hl7v2.md): a message already answered (same sender, same MSH-10) gets
 * its first acknowledgement again and nothing else; otherwise the message is read ({@link MdmMessageReader}),
 * its sender found among the declared ones, its document's CDA header read, and the core asked: T02 a
 * submission, T10 a submission replacing (RPLC) the document TXA-13 names, T04 the deletion of the document
 * TXA-12 names; with DESTMSSANTEPS / DESTMSSANTEPAT, the document sent by MSSanté through the core's secure
 * messaging. The acknowledgement says the core's decision (AA, or AE / AR with the guide's 900-906);
 * it is remembered, except an AR (the message may be sent again later).
 */
@Component
public class MdmProcessor implements Processor {
    private static final Logger LOG = LoggerFactory.getLogger(MdmProcessor.class);

    private final Core core;
    private final SecureMessaging messaging;
    private final ReceivedMessages received;
    private final DmpProperties.Hl7v2 hl7v2;
    private final Clock clock = Clock.systemUTC();

    public MdmProcessor(Core core, SecureMessaging messaging, ReceivedMessages received, DmpProperties.Hl7v2 hl7v2) {
        this.core = core;
        this.messaging = messaging;
        this.received = received;
        this.hl7v2 = hl7v2;
    }

    @Override
    public void process(Exchange exchange) throws HL7Exception {
        Message message = exchange.getIn().getBody(Message.class);
        Terser terser = new Terser(message);
        String sender = terser.get("/MSH-3-1") + "|" + terser.get("/MSH-4-1");
        String controlId = terser.get("/MSH-10");
        Parser parser = message.getParser();
        Optional<String> earlier = controlId == null ? Optional.empty() : received.answerTo(sender, controlId);
        if (earlier.isPresent()) {
            LOG.info("HL7v2 message {} of {} received again: answered with its first acknowledgement", controlId, sender);
            exchange.getMessage().setBody(parser.parse(earlier.get()));
            return;
        }
        Message ack = answer(message);
        String code = new Terser(ack).get("/MSA-1");
        if (controlId != null && !"AR".equals(code)) {
            received.remember(sender, controlId, parser.encode(ack), clock.instant());
        }
        exchange.getMessage().setBody(ack);
    }

    private Message answer(Message message) {
        AccessContext caller = null;
        MdmMessage m = null;
        try {
            m = MdmMessageReader.read(message);
            DmpProperties.Hl7v2Sender declared = hl7v2.sender(m.sendingApplication(), m.sendingFacility());
            if (declared == null) {
                throw new Hl7v2Refusal("AR", Hl7v2Refusal.APPLICATION_ERROR, ApplicationError.NOT_AUTHORISED, "MSH^1^3",
                        "application émettrice " + m.sendingApplication() + " de " + m.sendingFacility() + " non déclarée "
                        + "auprès de la passerelle (dmp.hl7v2.senders)");
            }
            boolean toDmp = m.meta(MdmMessage.DESTDMP);
            boolean byMail = m.meta(MdmMessage.DESTMSSANTEPS) || m.meta(MdmMessage.DESTMSSANTEPAT);
            if (!toDmp && !byMail) {
                throw Hl7v2Refusal.application(ApplicationError.OTHER, "OBX",
                        "aucune destination demandée : DESTDMP, DESTMSSANTEPS et DESTMSSANTEPAT valent N ou sont absents");
            }
            if (!toDmp && MdmMessage.DELETION.equals(m.event())) {
                throw Hl7v2Refusal.application(ApplicationError.OTHER, "OBX", DELETION_BY_MAIL);
            }
            CdaHeader header = CdaHeaderReader.read(m.cda());
            PatientRef patient = Hl7v2SubmissionMapper.patient(m, header);
            caller = SenderIdentity.of(declared, m, patient);
            if (toDmp) {
                act(m, header, caller);
            }
            if (!byMail) {
                return Hl7v2Acks.accepted(message);
            }
            if (MdmMessage.DELETION.equals(m.event())) {
                return Hl7v2Acks.acceptedWithWarning(message, ApplicationError.OTHER, DELETION_BY_MAIL);
            }
            return mail(message, m, header, patient, declared, toDmp);
        } catch (Hl7v2Refusal r) {
            if (caller != null) {
                core.traceRefusal(new DmpException(DmpErrorCode.METADATA_ERROR, "HL7v2 " + r.getMessage()), action(m),
                        List.of(), caller);
            }
            return Hl7v2Acks.refused(message, r);
        } catch (DmpException e) {
            if (!e.tracedByCore() && caller != null) {
                core.traceRefusal(e, action(m), List.of(), caller);
            }
            return Hl7v2Acks.refused(message, Hl7v2Errors.of(e));
        } catch (RuntimeException e) {
            LOG.error("HL7v2 message not processed", e);
            return Hl7v2Acks.refused(message, Hl7v2Errors.of(new DmpException(DmpErrorCode.INTERNAL_ERROR, e.toString())));
        }
    }

    static final String DELETION_BY_MAIL = "la suppression (T04) n'est pas notifiée par MSSanté par la passerelle : "
            + "aucun courriel envoyé";
    static final String NOT_DELIVERED = "non distribué à %s : la messagerie Mon espace santé du patient n'est pas "
            + "ouverte (dossier clôturé, opposé, ou inexistant ; SMTPERRORCODE 550 boîte aux lettres non disponible)";

    /**
     * The MSSanté destinations, after the DMP's when asked too: the core's secure messaging sends or refuses. A
     * refusal or a recipient not reached is AE 906 when the message asked for MSSanté only; with DESTDMP the
     * document is in the DMP, so the acknowledgement is AA with a warning (ERR-4 W, 906) saying what was not sent.
     */
    private Message mail(Message message, MdmMessage m, CdaHeader header, PatientRef patient,
                         DmpProperties.Hl7v2Sender declared, boolean toDmp) {
        String problem;
        try {
            List<String> notReached = messaging.send(Hl7v2MailMapper.toMail(m, header, patient, declared.mailbox()))
                    .stream().filter(o -> o.status() == DeliveryOutcome.Status.BOUNCED
                            || o.status() == DeliveryOutcome.Status.EXCHANGE_ENDED)
                    .map(DeliveryOutcome::recipient).toList();
            if (notReached.isEmpty()) {
                return Hl7v2Acks.accepted(message);
            }
            problem = String.format(NOT_DELIVERED, String.join(", ", notReached));
        } catch (DmpException e) {
            if (!toDmp) {
                throw e;
            }
            problem = e.code() + ": " + e.getMessage();
        }
        if (toDmp) {
            return Hl7v2Acks.acceptedWithWarning(message, ApplicationError.OTHER, "document traité pour le DMP ; "
                    + "MSSanté : " + problem);
        }
        return Hl7v2Acks.refused(message, Hl7v2Refusal.application(ApplicationError.OTHER, "PRT", problem));
    }

    private void act(MdmMessage m, CdaHeader header, AccessContext caller) {
        switch (m.event()) {
            case MdmMessage.CREATION -> core.submit(Hl7v2SubmissionMapper.toSubmission(m, header, null, sourceId(m),
                    clock), caller);
            case MdmMessage.REPLACEMENT -> {
                DocumentEntryRecord replaced = current(m.parentDocumentId(), "TXA^1^13", TraceAction.UPDATE, caller);
                core.submit(Hl7v2SubmissionMapper.toSubmission(m, header, replaced.entryUuid(), sourceId(m), clock),
                        caller);
            }
            case MdmMessage.DELETION -> {
                DocumentEntryRecord deleted = current(m.documentId(), "TXA^1^12", TraceAction.DELETE, caller);
                core.remove(new DocumentRemoval(List.of(deleted.entryUuid())), caller);
            }
            default -> throw new IllegalStateException("event " + m.event() + " passed the reader");
        }
    }

    /**
     * The newest version of the document {@code uniqueId} of the caller's patient, as the core lets the caller
     * see it for the change; 900 when there is none (unknown, deleted, or already replaced).
     */
    private DocumentEntryRecord current(String uniqueId, String location, TraceAction change, AccessContext caller) {
        List<DocumentEntryRecord> versions = core.findForChange(new QueryCommand(
                new RegistryQuery.GetDocuments(null, List.of(uniqueId), null), false), change, caller).documents();
        return versions.stream().filter(e -> e.availabilityStatus() == EntryStatus.APPROVED).findFirst()
                .orElseThrow(() -> Hl7v2Refusal.application(ApplicationError.VERSION, location, "le document " + uniqueId
                        + (versions.isEmpty() ? " est inconnu du DMP de ce patient (ou n'est pas visible de l'expéditeur)"
                        : " n'est plus la version la plus récente (remplacé ou supprimé)")));
    }

    private static TraceAction action(MdmMessage m) {
        if (m == null) {
            return TraceAction.SUBMIT;
        }
        return MdmMessage.DELETION.equals(m.event()) ? TraceAction.DELETE : TraceAction.SUBMIT;
    }

    /** The submission sets' sourceId of a sender: the OID 2.25.x of the name-based UUID of its MSH-3 and MSH-4. */
    static String sourceId(MdmMessage m) {
        return UuidOids.oidOf(UUID.nameUUIDFromBytes(("dmp-gateway HL7v2 " + m.sendingApplication() + "|"
                + m.sendingFacility()).getBytes(StandardCharsets.UTF_8)));
    }
}
