package org.dmpgateway.identity;

import org.dmpgateway.model.CodedValue;
import org.dmpgateway.model.PatientRef;
import org.dmpgateway.model.access.AccessContext;
import org.dmpgateway.model.access.AccessMode;
import org.dmpgateway.model.access.CallerSoftware;
import org.dmpgateway.model.error.DmpErrorCode;
import org.dmpgateway.model.error.DmpException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.w3c.dom.Element;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.dmpgateway.identity.Dom.children;

/**
 * Parses the attributes of a VIHF assertion (already found trusted when signatures are required)
 * into an {@link AccessContext}: the VIHF 3.0 of the DMP's official example tokens
 * (reference-examples/dmp-official/Exemples_Jeton_VIHF, docs/identity.md): {@code VIHF_Version}
 * 3.0, {@code Authentification_mode} DIRECTE, INDIRECTE or INDIRECTE_RENFORCEE
 * ({@link AuthenticationMode}: the indirect modes need {@code subject-id}), {@code Ressource_URN}
 * urn:dmp. Each refusal is IDENTITY_INVALID naming the attribute by its exact {@code Name}.
 * <p>
 * The INS key and the access policy are not checked here: the core does that.
 */
final class VihfAssertionParser {
    private static final Logger LOG = LoggerFactory.getLogger(VihfAssertionParser.class);

    private static final String ALLOWED_MODES = Arrays.stream(AccessMode.values()).map(AccessMode::code)
            .collect(Collectors.joining(", "));

    private VihfAssertionParser() {
    }

    /** The identity an assertion's Subject and attributes state. */
    static AccessContext parse(Element assertion) {
        Map<String, List<Element>> attributes = attributeValues(assertion);

        String actorId = nameId(assertion);
        version(attributes);
        AuthenticationMode authentication = authenticationMode(attributes);
        String actorName = text(attributes, VihfNames.SUBJECT_ID, authentication.requiresSubjectId());
        List<CodedValue> roles = roles(attributes);
        String structureId = text(attributes, VihfNames.STRUCTURE_ID, true);
        String sector = text(attributes, VihfNames.ACTIVITY_SECTOR, true);
        PatientRef patient = parseCx(text(attributes, VihfNames.RESOURCE_ID, true));
        resourceUrn(attributes);
        AccessMode mode = purposeOfUse(attributes);
        String justification = text(attributes, VihfNames.ACCESS_REASON, false);
        CallerSoftware software = software(text(attributes, VihfNames.SOFTWARE_NAME, false),
                text(attributes, VihfNames.SOFTWARE_VERSION, false), text(attributes, VihfNames.SOFTWARE_ID, false),
                text(attributes, VihfNames.SOFTWARE_HOMOLOGATION, false));
        LOG.debug("VIHF of {} ({}, {}), software {}", actorId, authentication, mode.code(), software);
        return new AccessContext(actorId, actorName, roles.get(0), roles.size() > 1 ? roles.get(1) : null,
                structureId, sector, patient, mode, justification, software);
    }


    private static String nameId(Element assertion) {
        List<Element> subjects = children(assertion, VihfNames.SAML2_NS, "Subject");
        List<Element> nameIds = subjects.isEmpty() ? List.of()
                : children(subjects.get(0), VihfNames.SAML2_NS, "NameID");
        if (nameIds.isEmpty()) {
            throw invalid("the VIHF assertion has no " + VihfNames.NAME_ID + " (the professional's identifier)");
        }
        String value = nameIds.get(0).getTextContent().trim();
        if (value.isEmpty()) {
            throw invalid("the VIHF assertion's " + VihfNames.NAME_ID + " is empty");
        }
        return value;
    }

    /** The AttributeValue elements of each Attribute Name, in document order (repeated Attributes merged). */
    private static Map<String, List<Element>> attributeValues(Element assertion) {
        Map<String, List<Element>> byName = new LinkedHashMap<>();
        for (Element statement : children(assertion, VihfNames.SAML2_NS, "AttributeStatement")) {
            for (Element attribute : children(statement, VihfNames.SAML2_NS, "Attribute")) {
                byName.computeIfAbsent(attribute.getAttribute("Name"), n -> new ArrayList<>())
                        .addAll(children(attribute, VihfNames.SAML2_NS, "AttributeValue"));
            }
        }
        return byName;
    }

    /** The one AttributeValue of {@code name}: null if absent and optional. */
    private static Element single(Map<String, List<Element>> attributes, String name, boolean mandatory) {
        List<Element> values = attributes.getOrDefault(name, List.of());
        if (values.isEmpty()) {
            if (mandatory) {
                throw invalid("the VIHF assertion lacks the mandatory attribute " + name);
            }
            return null;
        }
        if (values.size() > 1) {
            throw invalid("the attribute " + name + " carries " + values.size() + " values, expected one");
        }
        return values.get(0);
    }

    private static String text(Map<String, List<Element>> attributes, String name, boolean mandatory) {
        Element value = single(attributes, name, mandatory);
        String text = value == null ? "" : value.getTextContent().trim();
        if (text.isEmpty()) {
            if (mandatory) {
                throw invalid("the attribute " + name + " is empty");
            }
            return null;
        }
        return text;
    }

    /** 1st: the profession (mandatory); 2nd: the specialty (optional). */
    private static List<CodedValue> roles(Map<String, List<Element>> attributes) {
        List<Element> values = attributes.getOrDefault(VihfNames.ROLE, List.of());
        if (values.isEmpty()) {
            throw invalid("the VIHF assertion lacks the mandatory attribute " + VihfNames.ROLE + " (the profession)");
        }
        if (values.size() > 2) {
            throw invalid("the attribute " + VihfNames.ROLE + " carries " + values.size()
                    + " roles, expected the profession and at most one specialty");
        }
        List<CodedValue> roles = new ArrayList<>();
        for (Element value : values) {
            roles.add(coded(value, VihfNames.ROLE, "Role"));
        }
        return roles;
    }

    private static AccessMode purposeOfUse(Map<String, List<Element>> attributes) {
        CodedValue purpose = coded(single(attributes, VihfNames.PURPOSE_OF_USE, true), VihfNames.PURPOSE_OF_USE,
                "PurposeOfUse");
        AccessMode mode = AccessMode.fromCode(purpose.code());
        if (mode == null) {
            throw invalid("the attribute " + VihfNames.PURPOSE_OF_USE + " has the code '" + purpose.code()
                    + "', expected one of " + ALLOWED_MODES);
        }
        if (!AccessMode.CODE_SYSTEM.equals(purpose.codeSystem())) {
            throw invalid("the attribute " + VihfNames.PURPOSE_OF_USE + " has the codeSystem '" + purpose.codeSystem()
                    + "', expected " + AccessMode.CODE_SYSTEM + " (TRE_R248_ModeAcces)");
        }
        return mode;
    }

    /** The HL7 v3 CE element {@code <localName code codeSystem displayName/>} held by an AttributeValue. */
    private static CodedValue coded(Element value, String attributeName, String localName) {
        List<Element> elements = children(value, VihfNames.HL7_NS, localName);
        if (elements.size() != 1) {
            throw invalid("each value of the attribute " + attributeName + " must hold one <" + localName
                    + " xmlns=\"" + VihfNames.HL7_NS + "\" code=\"..\" codeSystem=\"..\"/>");
        }
        Element ce = elements.get(0);
        String code = ce.getAttribute("code").trim();
        String codeSystem = ce.getAttribute("codeSystem").trim();
        if (code.isEmpty() || codeSystem.isEmpty()) {
            throw invalid("the " + localName + " of the attribute " + attributeName + " needs a code and a codeSystem");
        }
        String display = ce.getAttribute("displayName").trim();
        return new CodedValue(code, codeSystem, display.isEmpty() ? null : display);
    }

    /** {@code INS^^^&OID&ISO^NH} to the INS and its authority's OID; the INS key is the core's business. */
    static PatientRef parseCx(String cx) {
        try {
            return PatientRef.fromCx(cx);
        } catch (IllegalArgumentException e) {
            throw invalid("the attribute " + VihfNames.RESOURCE_ID + " is not a patient CX INS^^^&OID&ISO^NH: '"
                    + cx + "'");
        }
    }

    /** VIHF_Version: 3.0, the version of the DMP's official tokens. */
    private static void version(Map<String, List<Element>> attributes) {
        String version = text(attributes, VihfNames.VIHF_VERSION, true);
        if (!VihfNames.VERSION_3_0.equals(version)) {
            throw invalid("the attribute " + VihfNames.VIHF_VERSION + " is '" + version + "', expected "
                    + VihfNames.VERSION_3_0 + " (the DMP's VIHF)");
        }
    }

    /** Authentification_mode, spelled as in the official tokens (a capital M is named in the error). */
    private static AuthenticationMode authenticationMode(Map<String, List<Element>> attributes) {
        if (!attributes.containsKey(VihfNames.AUTHENTICATION_MODE)
                && attributes.containsKey(VihfNames.AUTHENTICATION_MODE_MISSPELLED)) {
            throw invalid("the VIHF assertion lacks the mandatory attribute " + VihfNames.AUTHENTICATION_MODE
                    + ": it carries " + VihfNames.AUTHENTICATION_MODE_MISSPELLED
                    + ", the VIHF 3.0 spelling is " + VihfNames.AUTHENTICATION_MODE + " (lower-case m)");
        }
        String value = text(attributes, VihfNames.AUTHENTICATION_MODE, true);
        AuthenticationMode mode = AuthenticationMode.of(value);
        if (mode == null) {
            throw invalid("the attribute " + VihfNames.AUTHENTICATION_MODE + " is '" + value + "', expected one of "
                    + AuthenticationMode.ALLOWED);
        }
        return mode;
    }

    /** Ressource_URN: urn:dmp. */
    private static void resourceUrn(Map<String, List<Element>> attributes) {
        String urn = text(attributes, VihfNames.RESOURCE_URN, true);
        if (!VihfNames.URN_DMP.equals(urn)) {
            throw invalid("the attribute " + VihfNames.RESOURCE_URN + " is '" + urn + "', expected "
                    + VihfNames.URN_DMP);
        }
    }

    /**
     * The calling software: "LPS_Nom LPS_Version" (either alone when the other is absent), the
     * installation id (LPS_ID) and the DMP homologation number (LPS_ID_HOMOLOGATION_DMP); null when
     * none is given.
     */
    static CallerSoftware software(String name, String version, String installation, String homologation) {
        String nameAndVersion = name == null ? version : version == null ? name : name + " " + version;
        return CallerSoftware.of(nameAndVersion, installation, homologation);
    }

    static DmpException invalid(String message) {
        return new DmpException(DmpErrorCode.IDENTITY_INVALID, message);
    }
}
