package org.dmpgateway.mappings.fhir.profile;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.DataFormatException;
import org.dmpgateway.mappings.fhir.patient.PatientIds;
import org.dmpgateway.model.PatientRef;
import org.dmpgateway.model.error.DmpException;
import org.dmpgateway.model.profile.MeasureKind;
import org.dmpgateway.model.profile.ProfileEntry;
import org.dmpgateway.model.profile.ProfileInput;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.Quantity;

import java.math.BigDecimal;
import java.util.List;

/**
 * The ANS health-measures feed (ansforge/IG-fhir-mesures-de-sante, "Le flux d'alimentation des
 * mesures", profile {@code mesures-bundle-flux-alimentation}): a patient's app POSTs a Bundle of type
 * transaction with exactly one Observation ({@code request POST Observation}) following one of the
 * measure profiles, and optionally the PHD Device that measured it ({@code POST Device}). This class
 * reads such a Bundle into the measurement it carries and writes the transaction-response; the core
 * checks the measurement itself (kind, unit, bounds).
 */
public final class MeasureBundle {
    /** A Bundle that is not the ANS feed's: the element and why (answered 422 Bundle not valid). */
    public static final class Invalid extends RuntimeException {
        private final String element;

        Invalid(String element, String message) {
            super(message);
            this.element = element;
        }

        public String element() {
            return element;
        }
    }

    /** The measurement a feed Bundle carries, who it is about (null if it names nobody by INS) and its source. */
    public record Measure(ProfileInput input, PatientRef subject, String source, boolean withDevice) {
    }

    private final FhirContext context;

    public MeasureBundle(FhirContext context) {
        this.context = context;
    }

    /** Reads the feed's Bundle (JSON or XML). */
    public Measure read(String body) {
        IBaseResource parsed;
        try {
            parsed = body != null && body.stripLeading().startsWith("<") ? context.newXmlParser().parseResource(body)
                    : context.newJsonParser().parseResource(body == null ? "" : body);
        } catch (DataFormatException e) {
            throw new Invalid("Bundle", "No bundle provided: the body is not a FHIR resource (" + e.getMessage() + ")");
        }
        if (!(parsed instanceof Bundle bundle)) {
            throw new Invalid("Bundle", "No bundle provided: a " + parsed.fhirType() + " was sent");
        }
        if (bundle.getType() != Bundle.BundleType.TRANSACTION) {
            throw new Invalid("Bundle.type", "Bundle not valid: Bundle.type must be transaction");
        }
        Observation observation = null;
        boolean device = false;
        for (Bundle.BundleEntryComponent entry : bundle.getEntry()) {
            String type = entry.getResource() == null ? "(none)" : entry.getResource().fhirType();
            Bundle.HTTPVerb method = entry.getRequest().getMethod();
            if (method != Bundle.HTTPVerb.POST || !type.equals(entry.getRequest().getUrl())) {
                throw new Invalid("Bundle.entry.request", "Bundle not valid: resource of type " + type
                        + " is not acceptable with method " + method + " and url " + entry.getRequest().getUrl()
                        + " (POST Observation, POST Device)");
            }
            if (entry.getResource() instanceof Observation o && observation == null) {
                observation = o;
            } else if ("Device".equals(type) && !device) {
                device = true;
            } else {
                throw new Invalid("Bundle.entry", "Bundle not valid: one Observation and at most one Device, not "
                        + "another " + type);
            }
        }
        if (observation == null) {
            throw new Invalid("Bundle.entry", "Bundle not valid: the Bundle carries no Observation");
        }
        return new Measure(input(observation), subject(observation), observation.getMeta().getSource(), device);
    }

    /** The transaction-response: 201 Created and the Observation's location, then 200 OK for the Device if sent. */
    public String response(Measure measure, ProfileEntry stored) {
        Bundle response = new Bundle().setType(Bundle.BundleType.TRANSACTIONRESPONSE);
        response.addEntry().getResponse().setStatus("201 Created").setLocation("Observation/" + stored.id());
        if (measure.withDevice()) {
            // the Device is acknowledged as already known (ANS: 200 when it exists); not stored (docs/medical-profile.md)
            response.addEntry().getResponse().setStatus("200 OK");
        }
        return context.newJsonParser().encodeResourceToString(response);
    }

    /** An OperationOutcome (error, {@code type}) naming the element. */
    public String outcome(OperationOutcome.IssueType type, String element, String message) {
        OperationOutcome outcome = new OperationOutcome();
        outcome.addIssue().setSeverity(OperationOutcome.IssueSeverity.ERROR).setCode(type).setDiagnostics(message)
                .addExpression(element);
        return context.newJsonParser().encodeResourceToString(outcome);
    }

    /** The Observation's element a field of the profile's rules names. */
    public static String element(String field) {
        return switch (field == null ? "" : field) {
            case "measure" -> "Observation.code";
            case "value" -> "Observation.valueQuantity.value";
            case "value2" -> "Observation.component.valueQuantity.value";
            case "unit" -> "Observation.valueQuantity.code";
            case "date" -> "Observation.effectiveDateTime";
            case "comment" -> "Observation.note";
            case "subject" -> "Observation.subject";
            default -> "Observation";
        };
    }

    private static ProfileInput input(Observation o) {
        Coding loinc = o.getCode().getCoding().stream().filter(c -> ProfileResources.LOINC.equals(c.getSystem()))
                .findFirst().orElse(null);
        MeasureKind kind = loinc == null ? null : MeasureKind.ofLoinc(loinc.getCode());
        if (kind == null) {
            throw new Invalid("Observation.code", "Observation.code: a LOINC code of the ANS health measures ("
                    + String.join(", ", List.of(MeasureKind.values()).stream().filter(k -> k != MeasureKind.BMI)
                    .map(k -> k.loinc() + " " + k.name()).toList()) + "), not "
                    + (loinc == null ? "none" : loinc.getCode()));
        }
        String value;
        String value2 = null;
        String unit;
        if (kind == MeasureKind.BLOOD_PRESSURE) {
            Quantity systolic = component(o, MeasureKind.SYSTOLIC);
            Quantity diastolic = component(o, MeasureKind.DIASTOLIC);
            value = plain(systolic.getValue());
            value2 = plain(diastolic.getValue());
            unit = systolic.getCode();
        } else {
            if (!o.hasValueQuantity()) {
                throw new Invalid("Observation.valueQuantity", "Observation.valueQuantity: the measure's value is missing");
            }
            value = plain(o.getValueQuantity().getValue());
            unit = o.getValueQuantity().getCode();
        }
        String date = o.getEffective() instanceof DateTimeType t && t.getValueAsString() != null
                && t.getValueAsString().length() >= 10 ? t.getValueAsString().substring(0, 10) : null;
        String comment = o.getNote().isEmpty() ? null : o.getNoteFirstRep().getText();
        return ProfileInput.measurement(kind.name(), value, value2, unit, date, comment);
    }

    private static Quantity component(Observation o, String loinc) {
        return o.getComponent().stream()
                .filter(c -> c.getCode().getCoding().stream().anyMatch(x -> loinc.equals(x.getCode())))
                .filter(Observation.ObservationComponentComponent::hasValueQuantity)
                .map(Observation.ObservationComponentComponent::getValueQuantity)
                .findFirst()
                .orElseThrow(() -> new Invalid("Observation.component", "Observation.component: the blood pressure "
                        + "needs its systolic (" + MeasureKind.SYSTOLIC + ") and diastolic (" + MeasureKind.DIASTOLIC
                        + ") components with a valueQuantity"));
    }

    private static PatientRef subject(Observation o) {
        if (!o.hasSubject() || !o.getSubject().hasIdentifier()) {
            return null;
        }
        try {
            return PatientIds.fromReference(o.getSubject(), null, "Observation.subject");
        } catch (DmpException e) {
            throw new Invalid("Observation.subject", e.getMessage());
        }
    }

    private static String plain(BigDecimal value) {
        return value == null ? null : value.toPlainString();
    }
}
