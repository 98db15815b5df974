package org.dmpgateway.server.support;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.context.support.DefaultProfileValidationSupport;
import ca.uhn.fhir.context.support.IValidationSupport;
import ca.uhn.fhir.validation.FhirValidator;
import ca.uhn.fhir.validation.ResultSeverityEnum;
import ca.uhn.fhir.validation.SingleValidationMessage;
import ca.uhn.fhir.validation.ValidationOptions;
import ca.uhn.fhir.validation.ValidationResult;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.hl7.fhir.common.hapi.validation.support.CommonCodeSystemsTerminologyService;
import org.hl7.fhir.common.hapi.validation.support.InMemoryTerminologyServerValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.PrePopulatedValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.SnapshotGeneratingValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.UnknownCodeSystemWarningValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.ValidationSupportChain;
import org.hl7.fhir.common.hapi.validation.validator.FhirInstanceValidator;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CanonicalType;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.utilities.npm.NpmPackage;

/**
 * HAPI's validator on every FHIR answer a test receives: the R4 base, plus the profiles the answer
 * claims in {@code meta.profile} (and, for a Bundle, those its entries' resources claim), resolved
 * in the R4 core and in the published IHE MHD 4.2.3 package
 * ({@code reference-examples/ihe-mhd-4.2.3/ihe.iti.mhd.tgz}, CC-BY-4.0). No network: terminology
 * is the validator's in-memory one plus HAPI's common code systems (UCUM, languages, MIME types,
 * countries); a code in an external code system the validator cannot know (the French TRE_* code
 * systems, LOINC) is a warning, not an error. Structure, cardinality, fixed values, invariants and
 * the codes of the code systems it does know are errors.
 *
 * <p>The ANS PDSm (PDSM4DMP) profiles are not validated: the repository holds only their FSH
 * sources (reference-examples/ansforge-pdsm4dmp), no published package is available offline, and
 * FSH is not a StructureDefinition. An answer claiming a PDSm profile is validated against the R4
 * base and the MHD profiles it also claims; the unknown PDSm profile itself is reported as a
 * warning (see {@link #KNOWN_LIMITS}).
 *
 * <p>Used by {@link FhirClient} (a client interceptor on HAPI's generic client) and by the tests'
 * raw-HTTP FHIR calls ({@link #assertValid(HttpResponse)}). An answer with an ERROR or FATAL issue
 * fails the test with the issues listed.
 */
public final class FhirAnswerValidator {
    /** The published IHE MHD 4.2.3 package, one copy in the repository (see its README). */
    public static final Path MHD_PACKAGE = locate("reference-examples/ihe-mhd-4.2.3/ihe.iti.mhd.tgz");

    /**
     * Validator limitations, not answer defects: error messages that only say the validator could
     * not fetch something offline. Each entry: a fragment of HAPI's message, and why it is not an
     * error of the answer.
     */
    static final Map<String, String> KNOWN_LIMITS = Map.of(
            // PDSm (ANS) has no package available offline; the claim is checked as far as the
            // validator can (the resource's own R4 base and the MHD profiles it also claims).
            "https://interop.esante.gouv.fr/ig/fhir/pdsm/StructureDefinition/",
            "PDSm profiles: no published package offline (FSH sources only)");

    private static final AtomicInteger VALIDATED = new AtomicInteger();
    private static final AtomicInteger WITH_PROFILES = new AtomicInteger();
    private static volatile FhirAnswerValidator instance;

    private final FhirContext context;
    private final FhirValidator validator;

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            if (VALIDATED.get() > 0) {
                System.out.println("FhirAnswerValidator: " + VALIDATED.get() + " FHIR answers validated ("
                        + WITH_PROFILES.get() + " claiming a profile)");
            }
        }));
    }

    private FhirAnswerValidator(FhirContext context) {
        this.context = context;
        PrePopulatedValidationSupport mhd = loadPackage(context, MHD_PACKAGE);
        UnknownCodeSystemWarningValidationSupport unknownCodeSystems =
                new UnknownCodeSystemWarningValidationSupport(context);
        unknownCodeSystems.setNonExistentCodeSystemSeverity(IValidationSupport.IssueSeverity.WARNING);
        ValidationSupportChain chain = new ValidationSupportChain(
                new DefaultProfileValidationSupport(context),
                mhd,
                new CommonCodeSystemsTerminologyService(context),
                new InMemoryTerminologyServerValidationSupport(context),
                new SnapshotGeneratingValidationSupport(context),
                unknownCodeSystems);
        FhirInstanceValidator module = new FhirInstanceValidator(chain);
        module.setAnyExtensionsAllowed(true);
        module.setNoTerminologyChecks(false);
        module.setErrorForUnknownProfiles(true);
        validator = context.newValidator();
        validator.registerValidatorModule(module);
    }

    /** The shared validator (building it loads the R4 core and the MHD package: a few seconds). */
    public static FhirAnswerValidator get() {
        FhirAnswerValidator result = instance;
        if (result == null) {
            synchronized (FhirAnswerValidator.class) {
                result = instance;
                if (result == null) {
                    result = new FhirAnswerValidator(FhirContext.forR4Cached());
                    instance = result;
                }
            }
        }
        return result;
    }

    /** How many answers have been validated in this JVM. */
    public static int validatedCount() {
        return VALIDATED.get();
    }

    /** Whether a Content-Type is a FHIR body (JSON or XML) this validator reads. */
    public static boolean isFhirBody(String contentType) {
        if (contentType == null) {
            return false;
        }
        String type = contentType.toLowerCase(Locale.ROOT);
        return type.contains("application/fhir+json") || type.contains("application/fhir+xml")
                || type.contains("application/json+fhir") || type.contains("application/xml+fhir");
    }

    /**
     * Validates a raw-HTTP answer when it is a FHIR body (by its Content-Type); anything else (a
     * document's bytes, an HTML page) is left alone. Fails with the issues listed.
     */
    public static <T> HttpResponse<T> assertValid(HttpResponse<T> response) {
        String contentType = response.headers().firstValue("Content-Type").orElse(null);
        if (isFhirBody(contentType) && response.body() != null) {
            Object body = response.body();
            String text = body instanceof byte[] bytes ? new String(bytes, StandardCharsets.UTF_8) : body.toString();
            if (!text.isBlank()) {
                get().assertValid(text, response.request().method() + " " + response.request().uri());
            }
        }
        return response;
    }

    /** Validates one FHIR answer's body (JSON or XML) and fails with every ERROR/FATAL issue listed. */
    public void assertValid(String body, String what) {
        List<String> errors = errors(body);
        if (!errors.isEmpty()) {
            throw new AssertionError("FHIR answer to " + what + " is not valid against the R4 base and the "
                    + "profiles it claims (" + errors.size() + " error(s)):\n  "
                    + String.join("\n  ", errors) + "\nAnswer: " + abbreviate(body));
        }
    }

    /** MHD 4.2.3 Comprehensive profiles, for {@link #assertConforms}. */
    public static final String MHD_DOCUMENT_REFERENCE =
            "https://profiles.ihe.net/ITI/MHD/StructureDefinition/IHE.MHD.Comprehensive.DocumentReference";
    public static final String MHD_SUBMISSION_SET =
            "https://profiles.ihe.net/ITI/MHD/StructureDefinition/IHE.MHD.Comprehensive.SubmissionSet";
    public static final String MHD_FOLDER =
            "https://profiles.ihe.net/ITI/MHD/StructureDefinition/IHE.MHD.Comprehensive.Folder";

    /**
     * Checks a resource of an answer against a profile it does not claim (yet): the gateway's
     * answers carry no meta.profile today, so the tests check the MHD Comprehensive profiles of
     * the resources it serves explicitly. Fails with the issues listed.
     */
    public void assertConforms(Resource resource, String profile) {
        Resource copy = resource.copy();
        copy.getMeta().addProfile(profile);
        String body = context.newJsonParser().encodeResourceToString(copy);
        List<String> errors = errors(body);
        if (!errors.isEmpty()) {
            throw new AssertionError(context.getResourceType(resource) + "/" + resource.getIdElement().getIdPart()
                    + " does not conform to " + profile + ":\n  " + String.join("\n  ", errors));
        }
    }

    /** The ERROR/FATAL issues of one FHIR body (empty when valid), each "severity location: message". */
    public List<String> errors(String body) {
        IBaseResource resource = body.stripLeading().startsWith("<")
                ? context.newXmlParser().parseResource(body)
                : context.newJsonParser().parseResource(body);
        Set<String> profiles = claimedProfiles(resource);
        ValidationOptions options = new ValidationOptions();
        ownProfiles(resource).forEach(options::addProfile);
        ValidationResult result;
        synchronized (this) { // the instance validator is not documented as thread-safe
            result = validator.validateWithResult(body, options);
        }
        VALIDATED.incrementAndGet();
        if (!profiles.isEmpty()) {
            WITH_PROFILES.incrementAndGet();
        }
        List<String> errors = new ArrayList<>();
        for (SingleValidationMessage message : result.getMessages()) {
            if (message.getSeverity() != ResultSeverityEnum.ERROR && message.getSeverity() != ResultSeverityEnum.FATAL) {
                continue;
            }
            if (isKnownLimit(message.getMessage())) {
                continue;
            }
            errors.add(message.getSeverity() + " " + message.getLocationString() + ": " + message.getMessage());
        }
        return errors;
    }

    /**
     * The profiles the answer claims: its own meta.profile and, for a Bundle, its entries'. Only
     * the answer's own go into the validation options: the validator checks each entry's resource
     * against the profiles in that resource's meta.profile by itself.
     */
    static Set<String> claimedProfiles(IBaseResource resource) {
        Set<String> profiles = new LinkedHashSet<>();
        if (resource instanceof Resource r) {
            r.getMeta().getProfile().stream().map(CanonicalType::getValue).forEach(profiles::add);
        }
        if (resource instanceof Bundle bundle) {
            for (Bundle.BundleEntryComponent entry : bundle.getEntry()) {
                if (entry.getResource() != null) {
                    entry.getResource().getMeta().getProfile().stream().map(CanonicalType::getValue)
                            .forEach(profiles::add);
                }
            }
        }
        return profiles;
    }

    private static Set<String> ownProfiles(IBaseResource resource) {
        return resource instanceof Resource r
                ? r.getMeta().getProfile().stream().map(CanonicalType::getValue)
                        .collect(Collectors.toCollection(LinkedHashSet::new))
                : Set.of();
    }

    private static boolean isKnownLimit(String message) {
        if (message == null) {
            return false;
        }
        for (String fragment : KNOWN_LIMITS.keySet()) {
            if (message.contains(fragment)) {
                return true;
            }
        }
        return false;
    }

    private static PrePopulatedValidationSupport loadPackage(FhirContext context, Path tgz) {
        PrePopulatedValidationSupport support = new PrePopulatedValidationSupport(context);
        try (InputStream in = Files.newInputStream(tgz)) {
            NpmPackage npm = NpmPackage.fromPackage(in);
            NpmPackage.NpmPackageFolder folder = npm.getFolders().get("package");
            for (String name : folder.listFiles()) {
                if (!name.endsWith(".json") || name.equals("package.json") || name.startsWith(".")) {
                    continue;
                }
                String json = new String(folder.fetchFile(name), StandardCharsets.UTF_8);
                if (!json.contains("\"resourceType\"")) {
                    continue;
                }
                IBaseResource resource = context.newJsonParser().parseResource(json);
                String type = context.getResourceType(resource);
                if (type.equals("StructureDefinition") || type.equals("ValueSet") || type.equals("CodeSystem")
                        || type.equals("SearchParameter")) {
                    support.addResource(resource);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the FHIR package " + tgz, e);
        }
        return support;
    }

    /** The file at this repository-relative path, from a module's directory or the repository's. */
    private static Path locate(String relative) {
        for (Path candidate : List.of(Path.of("..").resolve(relative), Path.of(relative))) {
            if (Files.isRegularFile(candidate)) {
                return candidate;
            }
        }
        throw new IllegalStateException("FHIR package not found: " + relative + " (from " + Path.of("").toAbsolutePath() + ")");
    }

    private static String abbreviate(String body) {
        return body.length() <= 4000 ? body : body.substring(0, 4000) + "…";
    }
}
