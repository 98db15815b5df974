package org.dmpgateway.mappings.fhir.profile;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.model.api.TemporalPrecisionEnum;
import ca.uhn.fhir.parser.DataFormatException;
import org.dmpgateway.mappings.fhir.patient.PatientIds;
import org.dmpgateway.model.PatientRef;
import org.dmpgateway.model.profile.ContactRole;
import org.dmpgateway.model.profile.MeasureKind;
import org.dmpgateway.model.profile.ProfileCodec;
import org.dmpgateway.model.profile.ProfileEntry;
import org.dmpgateway.model.profile.ProfileSection;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.AllergyIntolerance;
import org.hl7.fhir.r4.model.Annotation;
import org.hl7.fhir.r4.model.Attachment;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.Consent;
import org.hl7.fhir.r4.model.ContactPoint;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.Dosage;
import org.hl7.fhir.r4.model.DomainResource;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.HumanName;
import org.hl7.fhir.r4.model.Immunization;
import org.hl7.fhir.r4.model.MedicationStatement;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Procedure;
import org.hl7.fhir.r4.model.Quantity;
import org.hl7.fhir.r4.model.RelatedPerson;
import org.hl7.fhir.r4.model.StringType;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Date;
import java.util.List;

/**
 * The medical profile's entries as FHIR R4 resources, both ways (HAPI FHIR), and as the JSON text the
 * profile's table keeps ({@link ProfileCodec}). One resource type per section
 * ({@link ProfileSection#resourceType()}); measurements as Observations following the ANS
 * health-measures profiles (meta.profile the ANS canonical URL, LOINC code, UCUM unit; blood pressure
 * as the systolic and diastolic components). Who recorded the entry: extension {@value #AUTHOR}; the
 * comment of a resource without {@code note} (RelatedPerson): extension {@value #COMMENT}; a wish's
 * text: Consent.sourceAttachment (text/plain). docs/medical-profile.md lists every element.
 */
public final class ProfileResources implements ProfileCodec {
    public static final String BASE = "https://dmp-gateway.org/fhir/";
    public static final String AUTHOR = BASE + "StructureDefinition/profile-author";
    public static final String COMMENT = BASE + "StructureDefinition/profile-comment";
    public static final String CONTACT_ROLE = BASE + "CodeSystem/profile-contact-role";
    public static final String LOINC = "http://loinc.org";
    public static final String UCUM = "http://unitsofmeasure.org";
    static final String OBSERVATION_CATEGORY = "http://terminology.hl7.org/CodeSystem/observation-category";
    static final String CONSENT_SCOPE = "http://terminology.hl7.org/CodeSystem/consentscope";
    static final String CONSENT_CATEGORY = "http://terminology.hl7.org/CodeSystem/consentcategorycodes";
    static final String CONDITION_CATEGORY = "http://terminology.hl7.org/CodeSystem/condition-category";
    static final String CONDITION_CLINICAL = "http://terminology.hl7.org/CodeSystem/condition-clinical";
    static final String ALLERGY_CLINICAL = "http://terminology.hl7.org/CodeSystem/allergyintolerance-clinical";

    private final FhirContext context;

    public ProfileResources(FhirContext context) {
        this.context = context;
    }

    @Override
    public String toResource(ProfileEntry entry, PatientRef patient) {
        return context.newJsonParser().encodeResourceToString(toFhir(entry, patient));
    }

    @Override
    public ProfileEntry fromResource(String json) {
        try {
            return fromFhir((DomainResource) context.newJsonParser().parseResource(json));
        } catch (DataFormatException | ClassCastException e) {
            throw new IllegalStateException("a stored medical profile resource is not readable FHIR: " + e.getMessage(), e);
        }
    }

    /** The entry as its section's FHIR resource about {@code patient}. */
    public static DomainResource toFhir(ProfileEntry e, PatientRef patient) {
        DomainResource resource = switch (e.section()) {
            case ILLNESS -> new Condition()
                    .setClinicalStatus(concept(CONDITION_CLINICAL, "active", "Active"))
                    .addCategory(concept(CONDITION_CATEGORY, "problem-list-item", "Problem List Item"))
                    .setCode(new CodeableConcept().setText(e.name()))
                    .setSubject(PatientIds.reference(patient))
                    .setOnset(year(e.startYear()))
                    .setNote(notes(e.comment()));
            case TREATMENT -> new MedicationStatement()
                    .setStatus(MedicationStatement.MedicationStatementStatus.ACTIVE)
                    .setMedication(new CodeableConcept().setText(e.name()))
                    .setSubject(PatientIds.reference(patient))
                    .setEffective(year(e.startYear()))
                    .setDosage(e.detail() == null ? List.of() : List.of(new Dosage().setText(e.detail())))
                    .setNote(notes(e.comment()));
            case ALLERGY -> new AllergyIntolerance()
                    .setClinicalStatus(concept(ALLERGY_CLINICAL, "active", "Active"))
                    .setCode(new CodeableConcept().setText(e.name()))
                    .setPatient(PatientIds.reference(patient))
                    .setOnset(year(e.startYear()))
                    .setNote(notes(e.comment()));
            case VACCINATION -> new Immunization()
                    .setStatus(Immunization.ImmunizationStatus.COMPLETED)
                    .setVaccineCode(new CodeableConcept().setText(e.name()))
                    .setPatient(PatientIds.reference(patient))
                    .setOccurrence(day(e.date()))
                    .setLotNumber(e.detail())
                    .setNote(notes(e.comment()));
            case CARE_HISTORY -> new Procedure()
                    .setStatus(Procedure.ProcedureStatus.COMPLETED)
                    .setCode(new CodeableConcept().setText(e.name()))
                    .setSubject(PatientIds.reference(patient))
                    .setPerformed(year(e.startYear()))
                    .setNote(notes(e.comment()));
            case MEASUREMENT -> observation(e, patient);
            case CONTACT -> contact(e, patient);
            case WISH -> wish(e, patient);
        };
        resource.setId(e.id());
        if (e.recorded() != null) {
            resource.getMeta().setLastUpdated(Date.from(e.recorded()));
        }
        if (e.author() != null) {
            resource.addExtension(new Extension(AUTHOR, new StringType(e.author())));
        }
        return resource;
    }

    /** The entry a resource of one of the profile's types holds (what {@link #toFhir} wrote). */
    public static ProfileEntry fromFhir(DomainResource r) {
        ProfileSection section = ProfileSection.ofResourceType(r.fhirType());
        if (section == null) {
            throw new IllegalArgumentException(r.fhirType() + " is no medical profile resource");
        }
        String id = r.getIdElement().getIdPart();
        String author = r.getExtensionByUrl(AUTHOR) == null ? null
                : r.getExtensionByUrl(AUTHOR).getValue().primitiveValue();
        Instant recorded = r.getMeta().getLastUpdated() == null ? null : r.getMeta().getLastUpdated().toInstant();
        if (r instanceof Condition c) {
            return new ProfileEntry(id, section, c.getCode().getText(), null, yearOf(c.getOnset()), null,
                    note(c.getNote()), null, null, null, null, author, recorded);
        }
        if (r instanceof MedicationStatement m) {
            return new ProfileEntry(id, section, m.getMedicationCodeableConcept().getText(),
                    m.getDosage().isEmpty() ? null : m.getDosageFirstRep().getText(), yearOf(m.getEffective()), null,
                    note(m.getNote()), null, null, null, null, author, recorded);
        }
        if (r instanceof AllergyIntolerance a) {
            return new ProfileEntry(id, section, a.getCode().getText(), null, yearOf(a.getOnset()), null,
                    note(a.getNote()), null, null, null, null, author, recorded);
        }
        if (r instanceof Immunization i) {
            return new ProfileEntry(id, section, i.getVaccineCode().getText(), i.getLotNumber(), null,
                    dayOf(i.getOccurrence()), note(i.getNote()), null, null, null, null, author, recorded);
        }
        if (r instanceof Procedure p) {
            return new ProfileEntry(id, section, p.getCode().getText(), null, yearOf(p.getPerformed()), null,
                    note(p.getNote()), null, null, null, null, author, recorded);
        }
        if (r instanceof Observation o) {
            return measurement(o, id, author, recorded);
        }
        if (r instanceof RelatedPerson p) {
            Extension comment = p.getExtensionByUrl(COMMENT);
            return new ProfileEntry(id, section, p.getNameFirstRep().getText(),
                    p.getTelecom().isEmpty() ? null : p.getTelecomFirstRep().getValue(), null, null,
                    comment == null ? null : comment.getValue().primitiveValue(),
                    ContactRole.valueOf(p.getRelationshipFirstRep().getCodingFirstRep().getCode()), null, null, null,
                    author, recorded);
        }
        Consent c = (Consent) r;
        return new ProfileEntry(id, section, c.getSourceAttachment().getTitle(), null, null, null,
                new String(c.getSourceAttachment().getData(), StandardCharsets.UTF_8), null, null, null, null,
                author, recorded);
    }

    private static Observation observation(ProfileEntry e, PatientRef patient) {
        MeasureKind kind = e.measure();
        Observation o = new Observation()
                .setStatus(Observation.ObservationStatus.FINAL)
                .addCategory(concept(OBSERVATION_CATEGORY, category(kind), null))
                .setCode(new CodeableConcept().addCoding(new Coding(LOINC, kind.loinc(), null)).setText(kind.label()))
                .setSubject(PatientIds.reference(patient))
                .setEffective(day(e.date()))
                .setNote(notes(e.comment()));
        o.getMeta().addProfile(kind.ansProfile());
        if (kind == MeasureKind.BLOOD_PRESSURE) {
            o.addComponent().setCode(new CodeableConcept().addCoding(new Coding(LOINC, MeasureKind.SYSTOLIC, null)))
                    .setValue(quantity(e.value(), kind));
            o.addComponent().setCode(new CodeableConcept().addCoding(new Coding(LOINC, MeasureKind.DIASTOLIC, null)))
                    .setValue(quantity(e.value2(), kind));
        } else {
            o.setValue(quantity(e.value(), kind));
        }
        return o;
    }

    private static ProfileEntry measurement(Observation o, String id, String author, Instant recorded) {
        MeasureKind kind = MeasureKind.ofLoinc(o.getCode().getCodingFirstRep().getCode());
        BigDecimal value;
        BigDecimal value2 = null;
        if (kind == MeasureKind.BLOOD_PRESSURE) {
            value = o.getComponent().get(0).getValueQuantity().getValue();
            value2 = o.getComponent().get(1).getValueQuantity().getValue();
        } else {
            value = o.getValueQuantity().getValue();
        }
        return new ProfileEntry(id, ProfileSection.MEASUREMENT, kind.label(), null, null, dayOf(o.getEffective()),
                note(o.getNote()), null, kind, value, value2, author, recorded);
    }

    private static RelatedPerson contact(ProfileEntry e, PatientRef patient) {
        RelatedPerson p = new RelatedPerson()
                .setActive(true)
                .setPatient(PatientIds.reference(patient))
                .addRelationship(concept(CONTACT_ROLE, e.role().name(), e.role().label()))
                .addName(new HumanName().setText(e.name()));
        if (e.detail() != null) {
            p.addTelecom(new ContactPoint().setSystem(ContactPoint.ContactPointSystem.PHONE).setValue(e.detail()));
        }
        if (e.comment() != null) {
            p.addExtension(new Extension(COMMENT, new StringType(e.comment())));
        }
        return p;
    }

    private static Consent wish(ProfileEntry e, PatientRef patient) {
        Consent c = new Consent()
                .setStatus(Consent.ConsentState.ACTIVE)
                .setScope(concept(CONSENT_SCOPE, "adr", "Advanced Care Directive"))
                .addCategory(concept(CONSENT_CATEGORY, "acd", "Advance Directive"))
                .setPatient(PatientIds.reference(patient))
                .addPolicy(new Consent.ConsentPolicyComponent().setUri(BASE + "medical-profile/wishes"))
                .setSource(new Attachment().setContentType("text/plain; charset=utf-8").setTitle(e.name())
                        .setData(e.comment().getBytes(StandardCharsets.UTF_8)));
        if (e.recorded() != null) {
            c.setDateTime(Date.from(e.recorded()));
        }
        return c;
    }

    private static String category(MeasureKind kind) {
        return switch (kind) {
            case GLUCOSE -> "laboratory";
            case STEPS -> "activity";
            case PAIN -> "survey";
            default -> "vital-signs";
        };
    }

    private static Quantity quantity(BigDecimal value, MeasureKind kind) {
        return new Quantity().setValue(value).setUnit(kind.display()).setSystem(UCUM).setCode(kind.ucum());
    }

    private static CodeableConcept concept(String system, String code, String display) {
        return new CodeableConcept().addCoding(new Coding(system, code, display));
    }

    private static List<Annotation> notes(String comment) {
        return comment == null ? List.of() : List.of(new Annotation().setText(comment));
    }

    private static String note(List<Annotation> notes) {
        return notes.isEmpty() ? null : notes.get(0).getText();
    }

    private static DateTimeType year(Integer year) {
        if (year == null) {
            return null;
        }
        return new DateTimeType(String.format("%04d", year));
    }

    private static Integer yearOf(Object value) {
        return value instanceof DateTimeType t && t.getValue() != null ? t.getYear() : null;
    }

    private static DateTimeType day(LocalDate date) {
        return date == null ? null : new DateTimeType(date.toString());
    }

    private static LocalDate dayOf(Object value) {
        if (!(value instanceof DateTimeType t) || t.getValueAsString() == null) {
            return null;
        }
        String text = t.getValueAsString();
        return t.getPrecision().ordinal() >= TemporalPrecisionEnum.DAY.ordinal() && text.length() >= 10
                ? LocalDate.parse(text.substring(0, 10)) : null;
    }

    /** For tests and adapters: parses one resource. */
    public IBaseResource parse(String json) {
        return context.newJsonParser().parseResource(json);
    }
}
