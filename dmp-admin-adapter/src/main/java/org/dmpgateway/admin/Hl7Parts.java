package org.dmpgateway.admin;

import org.dmpgateway.admin.hl7v3.AcknowledgementDetailType;
import org.dmpgateway.admin.hl7v3.AcknowledgementType;
import org.dmpgateway.admin.hl7v3.CE;
import org.dmpgateway.admin.hl7v3.CS;
import org.dmpgateway.admin.hl7v3.CommunicationFunctionType;
import org.dmpgateway.admin.hl7v3.ED;
import org.dmpgateway.admin.hl7v3.EntityClassDevice;
import org.dmpgateway.admin.hl7v3.EntityDeterminerSpecific;
import org.dmpgateway.admin.hl7v3.II;
import org.dmpgateway.admin.hl7v3.MCCIMT000100UV01Device;
import org.dmpgateway.admin.hl7v3.MCCIMT000100UV01Sender;
import org.dmpgateway.admin.hl7v3.MCCIMT000300UV01Acknowledgement;
import org.dmpgateway.admin.hl7v3.MCCIMT000300UV01AcknowledgementDetail;
import org.dmpgateway.admin.hl7v3.MCCIMT000300UV01Device;
import org.dmpgateway.admin.hl7v3.MCCIMT000300UV01Receiver;
import org.dmpgateway.admin.hl7v3.MCCIMT000300UV01Sender;
import org.dmpgateway.admin.hl7v3.MCCIMT000300UV01TargetMessage;
import org.dmpgateway.admin.hl7v3.SC;

import java.io.Serializable;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The HL7v3 transmission parts every answer of the {@code patients} service shares (TD0.2, TD1.3,
 * TD1.4), as JAXB objects in the layout of the official answers: the receiver is the request's
 * sender device, the sender the DMP's device, the acknowledgement names the request's id.
 */
final class Hl7Parts {
    private Hl7Parts() {
    }

    /** The answer goes back to the device that sent the request. */
    static MCCIMT000300UV01Receiver receiver(MCCIMT000100UV01Sender requestSender) {
        MCCIMT000300UV01Receiver receiver = new MCCIMT000300UV01Receiver();
        receiver.setTypeCode(CommunicationFunctionType.RCV);
        MCCIMT000100UV01Device requester = requestSender == null ? null : requestSender.getDevice();
        receiver.setDevice(device(requester == null || requester.getId().isEmpty() ? null : requester.getId().get(0).getRoot(),
                requester == null || requester.getSoftwareName() == null ? null : text(requester.getSoftwareName().getContent())));
        return receiver;
    }

    /** The DMP's device sends the answer. */
    static MCCIMT000300UV01Sender dmpSender() {
        MCCIMT000300UV01Sender sender = new MCCIMT000300UV01Sender();
        sender.setTypeCode(CommunicationFunctionType.SND);
        sender.setDevice(device(Td02Messages.DMP_DEVICE, "DMP"));
        return sender;
    }

    /** The acknowledgement of the request {@code requestId}. */
    static MCCIMT000300UV01Acknowledgement acknowledgement(AcknowledgementType type, II requestId) {
        MCCIMT000300UV01Acknowledgement ack = new MCCIMT000300UV01Acknowledgement();
        ack.setTypeCode(type);
        MCCIMT000300UV01TargetMessage target = new MCCIMT000300UV01TargetMessage();
        if (requestId != null) {
            target.setId(ii(requestId.getRoot(), requestId.getExtension()));
        }
        ack.setTargetMessage(target);
        return ack;
    }

    /** An error detail: its code (in {@code codeSystem}, null for none) and text. */
    static MCCIMT000300UV01AcknowledgementDetail errorDetail(String code, String codeSystem, String reason) {
        MCCIMT000300UV01AcknowledgementDetail detail = new MCCIMT000300UV01AcknowledgementDetail();
        detail.setTypeCode(AcknowledgementDetailType.E);
        CE ce = new CE();
        ce.setCode(code);
        ce.setCodeSystem(codeSystem);
        detail.setCode(ce);
        ED text = new ED();
        text.getContent().add(reason);
        detail.setText(text);
        return detail;
    }

    /** The request's reason codes, echoed. */
    static void echoReasons(List<CE> asked, List<CE> answered) {
        for (CE reason : asked) {
            CE echoed = new CE();
            echoed.setCode(reason.getCode());
            echoed.setCodeSystem(reason.getCodeSystem());
            echoed.setDisplayName(reason.getDisplayName());
            answered.add(echoed);
        }
    }

    static MCCIMT000300UV01Device device(String root, String software) {
        MCCIMT000300UV01Device device = new MCCIMT000300UV01Device();
        device.setClassCode(EntityClassDevice.DEV);
        device.setDeterminerCode(EntityDeterminerSpecific.INSTANCE);
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

    static CS cs(String code) {
        CS value = new CS();
        value.setCode(code);
        return value;
    }

    static II ii(String root, String extension) {
        II id = new II();
        id.setRoot(root);
        id.setExtension(extension);
        return id;
    }

    /** The text of a mixed-content HL7 element (e.g. {@code <given>}), trimmed; null when empty. */
    static String text(List<Serializable> content) {
        String text = content.stream().filter(String.class::isInstance).map(String.class::cast)
                .collect(Collectors.joining()).trim();
        return text.isEmpty() ? null : text;
    }
}
