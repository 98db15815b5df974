package org.dmpgateway.mappings.fhir.patient;

import org.dmpgateway.mappings.fhir.common.FhirCodeSystems;
import org.dmpgateway.model.error.DmpErrorCode;
import org.dmpgateway.model.error.DmpException;
import org.dmpgateway.model.PatientRef;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Function;

/**
 * The DMP patient (an INS) on the FHIR side.
 * <ul>
 * <li>Our Patient resource has the id {@code <INS>-<authority OID>}, e.g.
 * {@code 279035121518989-1.2.250.1.213.1.4.10} (a FHIR id allows letters, digits, '-' and '.';
 * an INS holds no '-', so the first '-' separates the two parts).</li>
 * <li>The INS identifier is {@code system urn:oid:<authority>, value <INS>}, with the authorities of
 * fr-core: 1.2.250.1.213.1.4.8 INS-NIR, .9 INS-NIA, .10 INS-NIR-TEST, .11 INS-NIR-DEMO.</li>
 * </ul>
 * The INS key and the record's existence are the core's business, not checked here.
 */
public final class PatientIds {
    /** The INS assigning authorities, in the order of the fr-core slices. */
    public static final List<String> INS_AUTHORITIES = List.of("1.2.250.1.213.1.4.8", "1.2.250.1.213.1.4.9",
            "1.2.250.1.213.1.4.10", "1.2.250.1.213.1.4.11");

    public static final String ACCEPTED = "a reference Patient/<INS>-<authority OID> (e.g. Patient/279035121518989-1.2.250.1.213.1.4.10), "
            + "an absolute URL ending in /Patient/<INS>-<authority OID>, a conditional reference "
            + "Patient?identifier=urn:oid:<authority>|<INS>, a logical reference whose identifier is the INS "
            + "(system urn:oid:1.2.250.1.213.1.4.8, .9, .10 or .11), or a contained or bundled Patient carrying such an identifier";

    private PatientIds() {
    }

    /** The id of our Patient resource for this INS: {@code <INS>-<authority OID>}. */
    public static String resourceId(PatientRef ref) {
        return ref.id() + "-" + ref.authority();
    }

    /**
     * Reads a Patient id {@code <INS>-<authority OID>}.
     *
     * @throws DmpException METADATA_ERROR when the id is not of that form or the authority is not an INS one
     */
    public static PatientRef fromResourceId(String id) {
        int dash = id == null ? -1 : id.indexOf('-');
        if (dash <= 0 || !FhirCodeSystems.isOid(id.substring(dash + 1))) {
            throw new DmpException(DmpErrorCode.METADATA_ERROR, "Patient.id: '" + id
                    + "' is not a DMP patient id <INS>-<authority OID> (e.g. 279035121518989-1.2.250.1.213.1.4.10)",
                    "Patient.id");
        }
        return ins(id.substring(0, dash), id.substring(dash + 1), "Patient.id");
    }

    /**
     * Reads an INS identifier: system {@code urn:oid:<INS authority>} and the INS.
     *
     * @throws DmpException METADATA_ERROR when the system is not one of the INS authorities
     */
    public static PatientRef fromIdentifier(String system, String value) {
        return fromIdentifier(system, value, "Patient.identifier");
    }

    static PatientRef fromIdentifier(String system, String value, String field) {
        String oid = system != null && system.startsWith(FhirCodeSystems.URN_OID)
                ? system.substring(FhirCodeSystems.URN_OID.length()) : null;
        if (oid == null || !INS_AUTHORITIES.contains(oid)) {
            throw new DmpException(DmpErrorCode.METADATA_ERROR, field + ": identifier system " + system
                    + " is not an INS authority (urn:oid:1.2.250.1.213.1.4.8, .9, .10 or .11)", field);
        }
        return ins(value, oid, field);
    }

    /** The INS identifier of a patient (system urn:oid:authority, value INS; use official, temp for an NIA). */
    public static Identifier identifier(PatientRef ref) {
        return new Identifier().setSystem(FhirCodeSystems.URN_OID + ref.authority()).setValue(ref.id())
                .setUse("1.2.250.1.213.1.4.9".equals(ref.authority()) ? Identifier.IdentifierUse.TEMP
                        : Identifier.IdentifierUse.OFFICIAL);
    }

    /** A Reference {@code Patient/<id>} to our Patient resource, with its INS identifier. */
    public static Reference reference(PatientRef ref) {
        return new Reference("Patient/" + resourceId(ref)).setIdentifier(identifier(ref));
    }

    /**
     * The patient a reference names; see the class comment for the accepted forms.
     *
     * @param resolver resolves bundle fullUrls and relative references (may return null); contained
     *                 {@code #id} references are resolved from the reference's resource
     * @throws DmpException METADATA_ERROR "DocumentReference.subject: ..." explaining the accepted forms
     */
    public static PatientRef fromReference(Reference ref, Function<String, Resource> resolver) {
        return fromReference(ref, resolver, "DocumentReference.subject");
    }

    public static PatientRef fromReference(Reference ref, Function<String, Resource> resolver, String field) {
        if (ref == null || ref.isEmpty()) {
            throw new DmpException(DmpErrorCode.METADATA_ERROR, field + ": the patient is missing; expected " + ACCEPTED, field);
        }
        Resource target = ref.getResource() instanceof Resource r ? r : null;
        String reference = ref.getReference();
        if (target == null && reference != null && resolver != null) {
            target = resolver.apply(reference);
        }
        if (target instanceof Patient p) {
            return fromPatient(p, field);
        }
        if (target != null) {
            throw new DmpException(DmpErrorCode.METADATA_ERROR, field + ": " + reference + " is a "
                    + target.fhirType() + ", not a Patient", field);
        }
        if (ref.hasIdentifier()) {
            return fromIdentifier(ref.getIdentifier().getSystem(), ref.getIdentifier().getValue(), field);
        }
        if (reference != null) {
            int query = reference.indexOf("Patient?identifier=");
            if (query >= 0) {
                String token = URLDecoder.decode(reference.substring(query + "Patient?identifier=".length()),
                        StandardCharsets.UTF_8);
                int bar = token.indexOf('|');
                if (bar > 0 && token.indexOf('&') < 0) {
                    return fromIdentifier(token.substring(0, bar), token.substring(bar + 1), field);
                }
            }
            int at = reference.lastIndexOf("Patient/");
            if (at >= 0 && (at == 0 || reference.charAt(at - 1) == '/')) {
                String id = reference.substring(at + "Patient/".length());
                int history = id.indexOf("/_history");
                id = history >= 0 ? id.substring(0, history) : id;
                try {
                    return fromResourceId(id);
                } catch (DmpException e) {
                    throw new DmpException(DmpErrorCode.METADATA_ERROR, field + ": " + reference
                            + " is not a DMP patient; expected " + ACCEPTED, field);
                }
            }
        }
        throw new DmpException(DmpErrorCode.METADATA_ERROR, field + ": " + (reference == null ? "the reference"
                : reference) + " does not name a DMP patient; expected " + ACCEPTED, field);
    }

    /** The INS of a Patient resource: its identifier in an INS system (official first). */
    static PatientRef fromPatient(Patient p, String field) {
        Identifier found = null;
        for (Identifier i : p.getIdentifier()) {
            String system = i.getSystem();
            if (system != null && system.startsWith(FhirCodeSystems.URN_OID)
                    && INS_AUTHORITIES.contains(system.substring(FhirCodeSystems.URN_OID.length()))
                    && (found == null || i.getUse() == Identifier.IdentifierUse.OFFICIAL)) {
                found = i;
            }
        }
        if (found == null) {
            throw new DmpException(DmpErrorCode.METADATA_ERROR, field + ": the Patient"
                    + (p.hasIdElement() && p.getIdElement().hasIdPart() ? " " + p.getIdElement().getIdPart() : "")
                    + " has no INS identifier (system urn:oid:1.2.250.1.213.1.4.8, .9, .10 or .11)", field);
        }
        return fromIdentifier(found.getSystem(), found.getValue(), field);
    }

    private static PatientRef ins(String value, String authority, String field) {
        if (value == null || value.isBlank()) {
            throw new DmpException(DmpErrorCode.METADATA_ERROR, field + ": the INS value is missing", field);
        }
        if (!INS_AUTHORITIES.contains(authority)) {
            throw new DmpException(DmpErrorCode.METADATA_ERROR, field + ": " + authority
                    + " is not an INS authority (1.2.250.1.213.1.4.8, .9, .10 or .11)", field);
        }
        return new PatientRef(value.trim(), authority);
    }
}
