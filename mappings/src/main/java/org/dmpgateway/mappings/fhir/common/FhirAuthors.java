package org.dmpgateway.mappings.fhir.common;

import org.dmpgateway.mappings.fhir.patient.PatientIds;
import org.dmpgateway.model.error.DmpErrorCode;
import org.dmpgateway.model.error.DmpException;
import org.dmpgateway.model.AuthorInfo;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.ContactPoint;
import org.hl7.fhir.r4.model.Device;
import org.hl7.fhir.r4.model.DomainResource;
import org.hl7.fhir.r4.model.HumanName;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Organization;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Practitioner;
import org.hl7.fhir.r4.model.PractitionerRole;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.openehealth.ipf.commons.ihe.xds.core.metadata.Hl7v2Based;
import org.openehealth.ipf.commons.ihe.xds.core.metadata.Person;
import org.openehealth.ipf.commons.ihe.xds.core.metadata.Telecom;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Authors (and the legal authenticator) between FHIR resources and the internal {@link AuthorInfo},
 * whose parts keep the HL7v2 strings of XDS (docs/sources/dmp-protocol.md 1.12):
 * <ul>
 * <li>Practitioner -> authorPerson XCN {@code id^family^given^second^suffix^prefix^^^&OID&ISO^D^^^type}:
 * the id is the identifier whose system is {@code urn:oid:<OID>} (RPPS/IdNat_PS: 1.2.250.1.71.4.2.1);
 * XCN.10 is D (L when the name's use is official); XCN.13 is the identifier's type code, or by default
 * IDNPS for 1.2.250.1.71.4.2.1 and NH for an INS authority. Example:
 * {@code 810002345678^DURANT^Romuald^^^^^^&1.2.250.1.71.4.2.1&ISO^D^^^IDNPS}.</li>
 * <li>Patient -> XCN with its INS ({@code ^D^^^NH}); Device -> XCN {@code id^name^model^^^^^^&OID&ISO^U^^^RI}.</li>
 * <li>Organization -> authorInstitution XON {@code name^^^^^&OID&ISO^^^^id} (IdNat_Struct: 1.2.250.1.71.4.2.2),
 * the form IPF renders. Outbound, an XON as the DMP writes it over XDS,
 * {@code name^^^^^&OID&ISO^IDNST^^^id}, gives the Organization identifier {@code urn:oid:OID|id} typed
 * with its XON.7 code (FR Core v2-0203 IDNST).</li>
 * <li>PractitionerRole -> its practitioner (person), organization (institution), code (authorRole)
 * and specialty (authorSpecialty) as CX {@code code^^^&OID&ISO} or text, telecom (XTN).</li>
 * </ul>
 * Outbound, an author becomes contained resources: a PractitionerRole when it has roles,
 * specialties or both a person and an institution, else the single Practitioner / Patient / Device /
 * Organization. Only the first institution fits a PractitionerRole; others are not written.
 */
public final class FhirAuthors {
    static final String IDNPS_AUTHORITY = "1.2.250.1.71.4.2.1";
    public static final String FR_V2_0203 = "https://hl7.fr/ig/fhir/core/CodeSystem/fr-core-cs-v2-0203";

    private FhirAuthors() {
    }

    // ------------------------------------------------------------------ inbound

    /**
     * The author a resource describes.
     *
     * @throws DmpException METADATA_ERROR naming {@code field} for an unsupported resource type
     */
    public static AuthorInfo read(Resource r, DomainResource container, Function<String, Resource> resolver, String field) {
        if (r instanceof PractitionerRole role) {
            Resource who = FhirRefs.resolve(role.getPractitioner(), container, resolver);
            Resource org = FhirRefs.resolve(role.getOrganization(), container, resolver);
            if (role.hasPractitioner() && who == null) {
                throw unresolved(field + ".practitioner", role.getPractitioner());
            }
            if (role.hasOrganization() && org == null) {
                throw unresolved(field + ".organization", role.getOrganization());
            }
            List<String> telecoms = telecoms(role.getTelecom());
            if (who instanceof Practitioner p) {
                telecoms.addAll(telecoms(p.getTelecom()));
            }
            return new AuthorInfo(who == null ? null : person(who, field + ".practitioner"),
                    org instanceof Organization o ? List.of(xon(o)) : List.of(),
                    cxs(role.getCode(), field + ".code"), cxs(role.getSpecialty(), field + ".specialty"), telecoms);
        }
        if (r instanceof Organization o) {
            return new AuthorInfo(null, List.of(xon(o)), List.of(), List.of(), telecoms(o.getTelecom()));
        }
        if (r instanceof Practitioner p) {
            return new AuthorInfo(person(p, field), List.of(), List.of(), List.of(), telecoms(p.getTelecom()));
        }
        if (r instanceof Patient p) {
            return new AuthorInfo(person(p, field), List.of(), List.of(), List.of(), telecoms(p.getTelecom()));
        }
        if (r instanceof Device d) {
            return new AuthorInfo(person(d, field), List.of(), List.of(), List.of(), telecoms(d.getContact()));
        }
        throw new DmpException(DmpErrorCode.METADATA_ERROR, field + ": a " + r.fhirType() + " cannot be an author; "
                + "expected Practitioner, PractitionerRole, Organization, Patient or Device", field);
    }

    /** The author named by a reference, resolved (contained, bundle or resolver). */
    public static AuthorInfo read(Reference ref, DomainResource container, Function<String, Resource> resolver, String field) {
        Resource r = FhirRefs.resolve(ref, container, resolver);
        if (r == null) {
            throw unresolved(field, ref);
        }
        return read(r, container, resolver, field);
    }

    /** A person as XCN: Practitioner, Patient, Device, or the practitioner of a PractitionerRole. */
    public static String person(Resource r, DomainResource container, Function<String, Resource> resolver, String field) {
        if (r instanceof PractitionerRole role) {
            Resource who = FhirRefs.resolve(role.getPractitioner(), container, resolver);
            if (who == null) {
                throw unresolved(field + ".practitioner", role.getPractitioner());
            }
            return person(who, field + ".practitioner");
        }
        return person(r, field);
    }

    public static DmpException unresolved(String field, Reference ref) {
        return new DmpException(DmpErrorCode.METADATA_ERROR, field + ": reference "
                + (ref == null ? null : ref.getReference()) + " is neither contained nor in the bundle", field);
    }

    private static String person(Resource r, String field) {
        if (r instanceof Practitioner p) {
            return xcn(oidIdentifier(p.getIdentifier()), name(p.getName()), "D");
        }
        if (r instanceof Patient p) {
            Identifier ins = null;
            for (Identifier i : p.getIdentifier()) {
                if (i.hasSystem() && PatientIds.INS_AUTHORITIES.contains(oidOf(i.getSystem()))) {
                    ins = ins == null || i.getUse() == Identifier.IdentifierUse.OFFICIAL ? i : ins;
                }
            }
            return xcn(ins != null ? ins : oidIdentifier(p.getIdentifier()), name(p.getName()), "D");
        }
        if (r instanceof Device d) {
            Identifier id = oidIdentifier(d.getIdentifier());
            String name = d.getDeviceName().isEmpty() ? "" : d.getDeviceName().get(0).getName();
            String model = d.getDeviceName().size() > 1 ? d.getDeviceName().get(1).getName()
                    : d.hasModelNumber() ? d.getModelNumber() : "";
            String value = id == null ? "" : Hl7Text.escape(id.getValue());
            String oid = id == null ? "" : oidOf(id.getSystem());
            String type = id != null && typeCode(id) != null ? typeCode(id) : "RI";
            return normalisedXcn(Hl7Text.join('^', value, Hl7Text.escape(name), Hl7Text.escape(model), "", "", "", "", "",
                    Hl7Text.authority(oid), "U", "", "", type));
        }
        throw new DmpException(DmpErrorCode.METADATA_ERROR, field + ": a " + r.fhirType()
                + " cannot be a person; expected Practitioner, Patient or Device", field);
    }

    /** An XCN from a FHIR identifier and name, rendered as IPF renders it (the XDS side's form). */
    public static String xcn(Identifier id, HumanName name, String defaultNameType) {
        String value = id == null ? "" : Hl7Text.escape(id.getValue());
        String oid = id == null ? "" : oidOf(id.getSystem());
        String family = name == null ? "" : Hl7Text.escape(name.getFamily());
        String given = name == null || name.getGiven().isEmpty() ? "" : Hl7Text.escape(name.getGiven().get(0).getValue());
        List<String> more = new ArrayList<>();
        if (name != null) {
            name.getGiven().stream().skip(1).forEach(g -> more.add(g.getValue()));
        }
        String suffix = name == null || name.getSuffix().isEmpty() ? "" : Hl7Text.escape(name.getSuffix().get(0).getValue());
        String prefix = name == null || name.getPrefix().isEmpty() ? "" : Hl7Text.escape(name.getPrefix().get(0).getValue());
        String nameType = name == null || name.isEmpty() ? ""
                : name.getUse() == HumanName.NameUse.OFFICIAL ? "L" : defaultNameType;
        String type = id == null ? "" : typeCode(id) != null ? typeCode(id)
                : IDNPS_AUTHORITY.equals(oid) ? "IDNPS" : PatientIds.INS_AUTHORITIES.contains(oid) ? "NH" : "";
        return normalisedXcn(Hl7Text.join('^', value, family, given, Hl7Text.escape(String.join(" ", more)), suffix, prefix,
                "", "", Hl7Text.authority(oid), nameType, "", "", type));
    }

    /** The XCN as IPF renders it, i.e. exactly as the XDS side stores it. */
    private static String normalisedXcn(String xcn) {
        return xcn.isEmpty() ? null : Hl7v2Based.render(Hl7v2Based.parse(xcn, Person.class));
    }

    public static String xon(Organization o) {
        Identifier id = oidIdentifier(o.getIdentifier());
        String oid = id == null ? "" : oidOf(id.getSystem());
        return Hl7Text.join('^', Hl7Text.escape(o.getName()), "", "", "", "", Hl7Text.authority(oid), "", "", "",
                id == null ? "" : Hl7Text.escape(id.getValue()));
    }

    private static List<String> cxs(List<CodeableConcept> concepts, String field) {
        List<String> out = new ArrayList<>();
        for (CodeableConcept cc : concepts) {
            Coding c = cc.getCoding().stream().filter(Coding::hasCode).findFirst().orElse(null);
            if (c != null) {
                String oid = c.hasSystem() ? FhirCodeSystems.toOid(c.getSystem(), field) : "";
                out.add(Hl7Text.join('^', Hl7Text.escape(c.getCode()), "", "", Hl7Text.authority(oid)));
            } else if (cc.hasText()) {
                out.add(Hl7Text.escape(cc.getText()));
            }
        }
        return out;
    }

    private static List<String> telecoms(List<ContactPoint> points) {
        List<String> out = new ArrayList<>();
        for (ContactPoint p : points) {
            if (!p.hasValue()) {
                continue;
            }
            Telecom t = new Telecom();
            if (p.getSystem() == ContactPoint.ContactPointSystem.EMAIL) {
                t.setUse("NET");
                t.setType("Internet");
                t.setEmail(p.getValue());
            } else {
                t.setUse("WPN");
                t.setType(p.getSystem() == ContactPoint.ContactPointSystem.FAX ? "FX" : "PH");
                t.setUnformattedPhoneNumber(p.getValue());
            }
            out.add(Hl7v2Based.render(t));
        }
        return out;
    }

    /** The identifier to put in XCN.1/XON.10: the first with a urn:oid system (RPPS first). */
    private static Identifier oidIdentifier(List<Identifier> ids) {
        Identifier found = null;
        for (Identifier i : ids) {
            String oid = oidOf(i.getSystem());
            if (!oid.isEmpty() && i.hasValue()) {
                if (IDNPS_AUTHORITY.equals(oid)) {
                    return i;
                }
                found = found == null ? i : found;
            }
        }
        return found;
    }

    private static String typeCode(Identifier id) {
        return id.hasType() && id.getType().getCodingFirstRep().hasCode() ? id.getType().getCodingFirstRep().getCode() : null;
    }

    private static HumanName name(List<HumanName> names) {
        for (HumanName n : names) {
            if (n.getUse() == HumanName.NameUse.OFFICIAL) {
                return n;
            }
        }
        return names.isEmpty() ? null : names.get(0);
    }

    private static String oidOf(String system) {
        if (system == null) {
            return "";
        }
        if (system.startsWith(FhirCodeSystems.URN_OID) && FhirCodeSystems.isOid(system.substring(8))) {
            return system.substring(FhirCodeSystems.URN_OID.length());
        }
        return "";
    }

    // ------------------------------------------------------------------ outbound

    /**
     * Writes an author as contained resources of {@code container} (ids {@code <idBase>},
     * {@code <idBase>-person}, {@code <idBase>-org}) and returns the reference to put in author/source.
     */
    public static Reference write(AuthorInfo a, DomainResource container, String idBase) {
        Resource person = Hl7Text.isBlank(a.person()) ? null : personResource(a.person(), idBase + "-person");
        Organization org = a.institutions().isEmpty() ? null : organization(a.institutions().get(0), idBase + "-org");
        List<ContactPoint> telecoms = contactPoints(a.telecoms());
        boolean needsRole = !a.roles().isEmpty() || !a.specialties().isEmpty() || (person != null && org != null);
        if (needsRole && (person == null || person instanceof Practitioner)) {
            PractitionerRole role = new PractitionerRole();
            role.setId(idBase);
            if (person != null) {
                container.addContained(person);
                role.setPractitioner(new Reference("#" + person.getIdPart()));
            }
            if (org != null) {
                container.addContained(org);
                role.setOrganization(new Reference("#" + org.getIdPart()));
            }
            a.roles().forEach(s -> role.addCode(concept(s)));
            a.specialties().forEach(s -> role.addSpecialty(concept(s)));
            role.setTelecom(telecoms);
            container.addContained(role);
            return new Reference("#" + idBase);
        }
        if (person != null) {
            person.setId(idBase);
            addTelecoms(person, telecoms);
            container.addContained(person);
            return new Reference("#" + idBase);
        }
        if (org != null) {
            org.setId(idBase);
            org.setTelecom(telecoms);
            container.addContained(org);
            return new Reference("#" + idBase);
        }
        PractitionerRole empty = new PractitionerRole();
        empty.setId(idBase);
        empty.setTelecom(telecoms);
        container.addContained(empty);
        return new Reference("#" + idBase);
    }

    private static void addTelecoms(Resource person, List<ContactPoint> telecoms) {
        if (person instanceof Practitioner p) {
            p.setTelecom(telecoms);
        } else if (person instanceof Patient p) {
            p.setTelecom(telecoms);
        } else if (person instanceof Device d) {
            d.setContact(telecoms);
        }
    }

    /** An XCN as Practitioner, Patient (INS authority) or Device (XCN.13 RI or XCN.10 U). */
    public static Resource personResource(String xcn, String id) {
        String value = Hl7Text.component(xcn, 1);
        String oid = Hl7Text.sub(xcn, 9, 2);
        String nameType = Hl7Text.component(xcn, 10);
        String type = Hl7Text.component(xcn, 13);
        Identifier identifier = value.isEmpty() ? null : new Identifier().setValue(value)
                .setSystem(oid.isEmpty() ? null : FhirCodeSystems.URN_OID + oid);
        if (identifier != null && !type.isEmpty()) {
            identifier.setType(new CodeableConcept().addCoding(new Coding(FR_V2_0203, type, null)));
        }
        if ("RI".equals(type) || "U".equals(nameType)) {
            Device d = new Device();
            d.setId(id);
            if (identifier != null) {
                d.addIdentifier(identifier);
            }
            if (!Hl7Text.component(xcn, 2).isEmpty()) {
                d.addDeviceName().setName(Hl7Text.component(xcn, 2)).setType(Device.DeviceNameType.USERFRIENDLYNAME);
            }
            if (!Hl7Text.component(xcn, 3).isEmpty()) {
                d.addDeviceName().setName(Hl7Text.component(xcn, 3)).setType(Device.DeviceNameType.MODELNAME);
            }
            return d;
        }
        HumanName name = humanName(xcn, nameType);
        if (PatientIds.INS_AUTHORITIES.contains(oid)) {
            Patient p = new Patient();
            p.setId(id);
            if (identifier != null) {
                p.addIdentifier(identifier);
            }
            if (name != null) {
                p.addName(name);
            }
            return p;
        }
        Practitioner p = new Practitioner();
        p.setId(id);
        if (identifier != null) {
            p.addIdentifier(identifier);
        }
        if (name != null) {
            p.addName(name);
        }
        return p;
    }

    private static HumanName humanName(String xcn, String nameType) {
        HumanName n = new HumanName();
        if (!Hl7Text.component(xcn, 2).isEmpty()) {
            n.setFamily(Hl7Text.component(xcn, 2));
        }
        if (!Hl7Text.component(xcn, 3).isEmpty()) {
            n.addGiven(Hl7Text.component(xcn, 3));
        }
        for (String more : Hl7Text.component(xcn, 4).split(" ")) {
            if (!more.isEmpty()) {
                n.addGiven(more);
            }
        }
        if (!Hl7Text.component(xcn, 5).isEmpty()) {
            n.addSuffix(Hl7Text.component(xcn, 5));
        }
        if (!Hl7Text.component(xcn, 6).isEmpty()) {
            n.addPrefix(Hl7Text.component(xcn, 6));
        }
        if (n.isEmpty()) {
            return null;
        }
        if ("L".equals(nameType)) {
            n.setUse(HumanName.NameUse.OFFICIAL);
        }
        return n;
    }

    static Organization organization(String xon, String id) {
        Organization o = new Organization();
        o.setId(id);
        if (!Hl7Text.component(xon, 1).isEmpty()) {
            o.setName(Hl7Text.component(xon, 1));
        }
        String value = Hl7Text.component(xon, 10).isEmpty() ? Hl7Text.component(xon, 3) : Hl7Text.component(xon, 10);
        String oid = Hl7Text.sub(xon, 6, 2);
        String type = Hl7Text.component(xon, 7);
        if (!value.isEmpty()) {
            Identifier identifier = o.addIdentifier().setValue(value)
                    .setSystem(oid.isEmpty() ? null : FhirCodeSystems.URN_OID + oid);
            if (!type.isEmpty()) {
                // the XON.7 identifier type code (the DMP's IDNST): FR Core's identifier type (v2-0203)
                identifier.setType(new CodeableConcept().addCoding(new Coding(FR_V2_0203, type, null)));
            }
        }
        return o;
    }

    /**
     * A role or specialty as a coding: a CX {@code code^^^&OID&ISO} (system from the OID), or the
     * DMP's coded value {@code code^displayName^OID} as submitted over XDS (official TD2.1) with its
     * display name; plain text as CodeableConcept.text.
     */
    private static CodeableConcept concept(String cx) {
        String code = Hl7Text.component(cx, 1);
        String oid = Hl7Text.sub(cx, 4, 2);
        String display = null;
        if (oid.isEmpty() && FhirCodeSystems.isOid(Hl7Text.component(cx, 3))) {
            oid = Hl7Text.component(cx, 3);
            display = Hl7Text.component(cx, 2).isEmpty() ? null : Hl7Text.component(cx, 2);
        }
        if (oid.isEmpty()) {
            return new CodeableConcept().setText(code);
        }
        return new CodeableConcept().addCoding(new Coding(FhirCodeSystems.toUri(oid), code, display));
    }

    private static List<ContactPoint> contactPoints(List<String> xtns) {
        List<ContactPoint> out = new ArrayList<>();
        for (String xtn : xtns) {
            Telecom t = Hl7v2Based.parse(xtn, Telecom.class);
            if (t == null) {
                continue;
            }
            if (t.getEmail() != null) {
                out.add(new ContactPoint().setSystem(ContactPoint.ContactPointSystem.EMAIL).setValue(t.getEmail()));
            } else if (t.getUnformattedPhoneNumber() != null) {
                out.add(new ContactPoint().setSystem("FX".equals(t.getType()) ? ContactPoint.ContactPointSystem.FAX
                        : ContactPoint.ContactPointSystem.PHONE).setValue(t.getUnformattedPhoneNumber()));
            }
        }
        return out;
    }
}
