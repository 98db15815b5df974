package org.dmpgateway.server.sandbox;

import org.dmpgateway.fhir.FhirServerConfiguration;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The explicit sandbox mode ({@code dmp.sandbox}, default false), decided before anything starts.
 * <ul>
 *   <li>{@code dmp.sandbox=true}: the documented secrets become the defaults of the keys nobody set
 *       (a property source of the lowest precedence): the administration token
 *       {@value #SANDBOX_ADMIN_TOKEN}, the FHIR HS256 secret, unsigned VIHF accepted. A banner says so
 *       at start ({@link SandboxBanner}); the actuator answers without a token.</li>
 *   <li>otherwise (production): no documented or well-known secret may be configured, and what the
 *       server needs to authenticate its callers must be set; if not, the start is refused before
 *       any port or database is opened, with one line naming the property and what to do
 *       ({@link InsecureConfigurationFailureAnalyzer}).</li>
 * </ul>
 * docs/security.md, "Sandbox versus production".
 */
public class SandboxMode implements EnvironmentPostProcessor, Ordered {
    /** The property. */
    public static final String PROPERTY = "dmp.sandbox";
    /** The administration token documented for sandboxes (docs/admin-api.md). */
    public static final String SANDBOX_ADMIN_TOKEN = "sandbox-admin-token";
    /** The test patients loaded in a sandbox when no seed file is configured (samples/README.md). */
    public static final String SANDBOX_SEED_FILE = "classpath:patients-sample.json";
    /** The STARTTLS key of the secure messaging's SMTP server in a sandbox (smtp-adapter/README.md). */
    public static final String SANDBOX_SMTP_KEY_STORE = "classpath:smtp/sandbox-smtp.p12";
    /** The sending application (MSH-3) and facility (MSH-4) declared in a sandbox: the ANS guide's examples'. */
    public static final String SANDBOX_HL7V2_APPLICATION = "RIS-Y";
    public static final String SANDBOX_HL7V2_FACILITY = "Organisation-Y";
    static final String SOURCE_NAME = "dmpSandboxDefaults";
    private static final String TO_SANDBOX = "or start a sandbox with --" + PROPERTY + "=true";

    @Override
    public int getOrder() {
        // after the configuration files are read (ConfigDataEnvironmentPostProcessor)
        return Ordered.LOWEST_PRECEDENCE - 10;
    }

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        if (isSandbox(environment)) {
            Map<String, Object> defaults = new LinkedHashMap<>();
            defaults.put("dmp.admin.token", SANDBOX_ADMIN_TOKEN);
            defaults.put("dmp.fhir.token.secret", FhirServerConfiguration.SANDBOX_SECRET);
            defaults.put("dmp.vihf.require-signature", "false");
            defaults.put("dmp.management.public", "true");
            // the sample and official test patients: a sandbox's records, never a production server's
            defaults.put("dmp.patients.seed-file", SANDBOX_SEED_FILE);
            // the secure messaging's SMTP server, its documented key, any MSSanté mailbox as a sender
            defaults.put("dmp.messaging.enabled", "true");
            defaults.put("dmp.messaging.smtp.key-store", SANDBOX_SMTP_KEY_STORE);
            defaults.put("dmp.messaging.smtp.key-store-password", "sandbox-smtp");
            defaults.put("dmp.messaging.trusted-sender-domains", "*.mssante.fr");
            // the MLLP listener of hospital integration engines, with the ANS guide's example sender declared
            // (docs/hl7v2.md, "The sandbox"): the conformance kit's MLLP steps send the guide's messages
            defaults.put("dmp.hl7v2.enabled", "true");
            defaults.put("dmp.hl7v2.senders[0].application", SANDBOX_HL7V2_APPLICATION);
            defaults.put("dmp.hl7v2.senders[0].facility", SANDBOX_HL7V2_FACILITY);
            defaults.put("dmp.hl7v2.senders[0].structure-id", "1120456789");
            defaults.put("dmp.hl7v2.senders[0].activity-sector", "SA01^1.2.250.1.71.4.2.4");
            defaults.put("dmp.hl7v2.senders[0].role", "10^1.2.250.1.71.1.2.7");
            defaults.put("dmp.hl7v2.senders[0].specialty", "SM26^1.2.250.1.71.4.2.5");
            defaults.put("dmp.hl7v2.senders[0].software-name", "PFI-Y 2.1 (sandbox)");
            environment.getPropertySources().addLast(new MapPropertySource(SOURCE_NAME, defaults));
            return;
        }
        refuseInsecure(environment);
    }

    /** Whether {@code dmp.sandbox} is true in this environment. */
    public static boolean isSandbox(ConfigurableEnvironment environment) {
        return Boolean.parseBoolean(environment.getProperty(PROPERTY, "false").trim());
    }

    /** Production: refuses the documented secrets, and a configuration that leaves callers unauthenticated. */
    static void refuseInsecure(ConfigurableEnvironment env) {
        if (SANDBOX_ADMIN_TOKEN.equals(env.getProperty("dmp.admin.token", "").trim())) {
            throw new InsecureConfigurationException("dmp.admin.token is the documented sandbox token '"
                    + SANDBOX_ADMIN_TOKEN + "', which opens /admin to anyone: set a secret of your own (or leave it "
                    + "empty to switch /admin off), " + TO_SANDBOX);
        }
        String secret = env.getProperty("dmp.fhir.token.secret", "");
        if (FhirServerConfiguration.SANDBOX_SECRET.equals(secret.trim())) {
            throw new InsecureConfigurationException("dmp.fhir.token.secret is the documented sandbox secret, with "
                    + "which anyone can mint a FHIR token: set a secret of your own (32 bytes at least) or "
                    + "dmp.fhir.token.algorithm=RS256 with dmp.fhir.token.public-keys, " + TO_SANDBOX);
        }
        String algorithm = env.getProperty("dmp.fhir.token.algorithm", "HS256").trim();
        if ("HS256".equals(algorithm) && secret.isBlank()) {
            throw new InsecureConfigurationException("dmp.fhir.token.secret is not set: set a secret of your own "
                    + "(32 bytes at least) or dmp.fhir.token.algorithm=RS256 with dmp.fhir.token.public-keys, "
                    + TO_SANDBOX);
        }
        if (!Boolean.parseBoolean(env.getProperty("dmp.vihf.require-signature", "true").trim())) {
            throw new InsecureConfigurationException("dmp.vihf.require-signature=false accepts unsigned VIHF "
                    + "assertions, an identity anyone can type: remove it and set dmp.vihf.trust-store to the "
                    + "certificates that sign your VIHF, " + TO_SANDBOX);
        }
        if (env.getProperty("dmp.vihf.trust-store", "").isBlank()) {
            throw new InsecureConfigurationException("dmp.vihf.trust-store is not set: VIHF assertions must be "
                    + "signed outside a sandbox; set it to a key store of the certificates that sign them "
                    + "(e.g. file:/etc/dmp-gateway/vihf-trust.p12, with dmp.vihf.trust-store-password), " + TO_SANDBOX);
        }
        if (SANDBOX_SMTP_KEY_STORE.equals(env.getProperty("dmp.messaging.smtp.key-store", "").trim())) {
            throw new InsecureConfigurationException("dmp.messaging.smtp.key-store is the documented sandbox key, "
                    + "whose private key anyone has: set a key store of your own for the SMTP server's STARTTLS, "
                    + TO_SANDBOX);
        }
        if (Boolean.parseBoolean(env.getProperty("dmp.management.public", "false").trim())) {
            throw new InsecureConfigurationException("dmp.management.public=true opens the actuator (metrics, info) "
                    + "to anyone: remove it and set dmp.management.token, " + TO_SANDBOX);
        }
    }
}
