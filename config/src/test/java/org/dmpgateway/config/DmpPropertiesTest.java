package org.dmpgateway.config;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.bind.Name;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.boot.convert.ApplicationConversionService;
import org.springframework.util.unit.DataSize;

import java.io.IOException;
import java.lang.reflect.Parameter;
import java.lang.reflect.RecordComponent;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The configuration tree against its reference, docs/operations.md (read from this repository): every
 * key documented there is a leaf of the tree and every leaf is documented; the defaults are those the
 * reference gives; kebab-case keys bind to their components; a value out of its bounds is refused
 * with one line naming the property (on the real server: ProductionModeStartTest).
 */
class DmpPropertiesTest {
    /** A key in backquotes, as the reference's tables write them. */
    private static final Pattern DOCUMENTED_KEY = Pattern.compile("`(dmp\\.[a-z0-9.-]*[a-z0-9])`");
    private static final String REPOSITORY_ID = "2.25.1";

    private static DmpProperties bind(Map<String, String> properties) {
        Map<String, String> all = new HashMap<>(properties);
        all.putIfAbsent("dmp.xds.repository-unique-id", REPOSITORY_ID);
        Binder binder = new Binder(List.of(new MapConfigurationPropertySource(all)), null,
                ApplicationConversionService.getSharedInstance());
        return binder.bindOrCreate(DmpProperties.PREFIX, DmpProperties.class);
    }

    @Test
    void everyDocumentedKeyIsALeafOfTheTreeAndEveryLeafIsDocumented() throws IOException {
        Set<String> documented = documentedKeys();
        Set<String> leaves = new TreeSet<>();
        collectLeaves(DmpProperties.PREFIX, DmpProperties.class, leaves);

        Set<String> undocumented = new TreeSet<>(leaves);
        undocumented.removeAll(documented);
        Set<String> unknown = new TreeSet<>(documented);
        unknown.removeAll(leaves);
        assertEquals(Set.of(), undocumented, "keys of the tree missing from docs/operations.md");
        assertEquals(Set.of(), unknown, "keys of docs/operations.md that the tree does not bind");
        assertTrue(leaves.size() > 50, "the whole tree was walked: " + leaves);
    }

    @Test
    void theDefaultsAreTheReferenceOnes() {
        DmpProperties dmp = bind(Map.of());
        assertFalse(dmp.sandbox());
        assertEquals("./data", dmp.dataDir());
        assertFalse(dmp.hl7v2().enabled());
        assertEquals(2575, dmp.hl7v2().port());
        assertTrue(dmp.hl7v2().senders().isEmpty());
        assertEquals(DataSize.ofMegabytes(50), dmp.limits().requestBytes());
        assertEquals(DataSize.ofMegabytes(20), dmp.limits().documentBytes());
        assertEquals(20, dmp.limits().retrieveDocuments());
        assertEquals(DataSize.ofMegabytes(100), dmp.limits().retrieveBytes());
        assertEquals(1000, dmp.limits().bundleEntries());
        assertTrue(dmp.vihf().requireSignature());
        assertEquals("PKCS12", dmp.vihf().trustStoreType());
        assertEquals("HS256", dmp.fhir().token().algorithm());
        assertEquals(Duration.ofMinutes(5), dmp.fhir().token().clockSkew());
        assertEquals(10_000, dmp.fhir().token().cacheSize());
        assertEquals("classpath:terminology/habilitation-matrix.csv", dmp.habilitation().matrixFile());
        assertTrue(dmp.policy().authorizationRequiredForWrites());
        assertEquals(10, dmp.policy().breakGlassMinLength());
        assertEquals("classpath:terminology/vihf-subject-roles.csv", dmp.policy().subjectRolesFile());
        assertEquals(REPOSITORY_ID, dmp.xds().repositoryUniqueId());
        assertEquals(5000, dmp.xds().maxQueryResults());
        assertFalse(dmp.xds().validateResponses());
        assertEquals("", dmp.admin().token());
        assertFalse(dmp.management().open());
        assertEquals(Duration.ofDays(42), dmp.accounts().oppositionPeriod());
        assertEquals(5, dmp.accounts().code().maxAttempts());
        assertEquals(60_000, dmp.accounts().creation().pollInterval());
        assertEquals(5, dmp.accounts().login().maxFailures());
        assertEquals(Duration.ofMinutes(15), dmp.accounts().login().lockDuration());
        assertEquals("localhost", dmp.notifications().smtp().host());
        assertEquals(25, dmp.notifications().smtp().port());
        assertEquals(Duration.ofMinutes(15), dmp.notifications().failureWarningInterval());
        assertEquals("MonEspSante", dmp.sms().sender());
        assertEquals(Duration.ofSeconds(5), dmp.sms().timeout());
    }

    @Test
    void kebabCaseKeysBindToTheirComponents() {
        DmpProperties dmp = bind(Map.of(
                "dmp.management.public", "true",
                "dmp.limits.retrieve-bytes", "1MB",
                "dmp.fhir.token.public-keys", "file:/a.pem,file:/b.pem",
                "dmp.accounts.one-time-code.max-attempts", "7",
                "dmp.notifications.smtp.timeout", "500ms",
                "dmp.vihf.trust-store-password", "secret"));
        assertTrue(dmp.management().open());
        assertEquals(DataSize.ofMegabytes(1), dmp.limits().retrieveBytes());
        assertEquals(List.of("file:/a.pem", "file:/b.pem"), dmp.fhir().token().publicKeys());
        assertEquals(7, dmp.accounts().oneTimeCode().maxAttempts());
        assertEquals(Duration.ofMillis(500), dmp.notifications().smtp().timeout());
        assertEquals("secret", dmp.vihf().trustStorePassword());
        assertFalse(dmp.vihf().toString().contains("secret"), "no password in a log line: " + dmp.vihf());
    }

    @Test
    void aValueOutOfItsBoundsIsRefusedWithOneLineNamingTheProperty() {
        Map<String, String> refused = Map.of(
                "dmp.limits.retrieve-documents", "-1",
                "dmp.limits.request-bytes", "0MB",
                "dmp.notifications.smtp.port", "70000",
                "dmp.accounts.session.validity", "0s",
                "dmp.accounts.login.max-failures", "0",
                "dmp.fhir.token.algorithm", "ES256");
        refused.forEach((property, value) -> {
            BindException e = assertThrows(BindException.class, () -> bind(Map.of(property, value)));
            Throwable reason = e;
            while (reason.getCause() != null) {
                reason = reason.getCause();
            }
            assertInstanceOf(IllegalArgumentException.class, reason, property);
            assertTrue(reason.getMessage().startsWith(property + " must be "), reason.getMessage());
            assertFalse(reason.getMessage().contains("\n"), reason.getMessage());
        });
    }

    private static Set<String> documentedKeys() throws IOException {
        String reference = Files.readString(Path.of("..", "docs", "operations.md"), StandardCharsets.UTF_8);
        Set<String> keys = new TreeSet<>();
        Matcher m = DOCUMENTED_KEY.matcher(reference);
        while (m.find()) {
            keys.add(m.group(1));
        }
        return keys;
    }

    /** The dotted kebab-case key of every non-record component, as Spring Boot binds it. */
    private static void collectLeaves(String prefix, Class<?> type, Set<String> leaves) {
        RecordComponent[] components = type.getRecordComponents();
        Class<?>[] types = Arrays.stream(components).map(RecordComponent::getType).toArray(Class<?>[]::new);
        Parameter[] parameters;
        try {
            parameters = type.getDeclaredConstructor(types).getParameters();
        } catch (NoSuchMethodException e) {
            throw new AssertionError(type + " has no canonical constructor", e);
        }
        for (int i = 0; i < components.length; i++) {
            Name name = parameters[i].getAnnotation(Name.class);
            String key = prefix + "." + (name != null ? name.value() : kebab(components[i].getName()));
            if (components[i].getType().isRecord()) {
                collectLeaves(key, components[i].getType(), leaves);
            } else {
                leaves.add(key);
            }
        }
    }

    private static String kebab(String camel) {
        return camel.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase();
    }
}
