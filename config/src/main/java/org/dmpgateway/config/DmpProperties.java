package org.dmpgateway.config;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.boot.context.properties.bind.Name;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

import java.time.Duration;
import java.util.List;

/**
 * Every {@code dmp.*} setting, one typed tree bound once and validated at start: a value out of its
 * bounds stops the start with Spring Boot's report naming the property (e.g.
 * {@code Property: dmp.limits.retrieve-documents}). The defaults are those of docs/operations.md,
 * the reference of every key; application.yml repeats most of them with comments. Each node is
 * handed to the classes that need it by {@link DmpPropertiesConfiguration}.
 * <p>
 * {@code dmp.sandbox} also changes defaults before binding ({@code SandboxMode} of the server, an
 * environment post-processor: the documented test secrets become the defaults of the keys left unset).
 *
 * @param sandbox       sandbox mode (docs/security.md)
 * @param dataDir       where the embedded H2 database lives (read by spring.datasource.url)
 * @param version       this build's version, written by Maven into dmp-version.properties
 * @param limits        what one request may cost
 * @param vihf          the VIHF (SAML) identity of SOAP and REST callers
 * @param fhir          the FHIR server's bearer tokens
 * @param habilitation  the habilitation matrix
 * @param policy        access rules
 * @param patients      patient records loaded at start
 * @param xds           the XDS repository and registry
 * @param admin         the administration API
 * @param management    the actuator endpoints
 * @param accounts      patient accounts (opposition period, codes, sessions, automatic creation)
 * @param notifications e-mails to patients
 * @param sms           the SMS provider of provisional and one-time codes
 */
@ConfigurationProperties(DmpProperties.PREFIX)
@Validated
public record DmpProperties(
        @DefaultValue("false") boolean sandbox,
        @DefaultValue("./data") String dataDir,
        @DefaultValue("") String version,
        @Valid @DefaultValue Limits limits,
        @Valid @DefaultValue Vihf vihf,
        @Valid @DefaultValue Fhir fhir,
        @Valid @DefaultValue Habilitation habilitation,
        @Valid @DefaultValue Policy policy,
        @Valid @DefaultValue Patients patients,
        @Valid @DefaultValue Xds xds,
        @Valid @DefaultValue Admin admin,
        @Valid @DefaultValue Management management,
        @Valid @DefaultValue Accounts accounts,
        @Valid @DefaultValue Notifications notifications,
        @Valid @DefaultValue Sms sms) {

    /** The prefix of every key of the tree. */
    public static final String PREFIX = "dmp";

    /** {@code dmp.limits.*}: what one request may cost (docs/security.md, "Limits"). */
    public record Limits(
            @DefaultValue("50MB") @NotNull DataSize requestBytes,
            @DefaultValue("20MB") @NotNull DataSize documentBytes,
            @DefaultValue("20") @Min(1) int retrieveDocuments,
            @DefaultValue("100MB") @NotNull DataSize retrieveBytes,
            @DefaultValue("1000") @Min(1) int bundleEntries) {
        public Limits {
            positive(requestBytes, "dmp.limits.request-bytes");
            positive(documentBytes, "dmp.limits.document-bytes");
            positive(retrieveBytes, "dmp.limits.retrieve-bytes");
        }

        private static void positive(DataSize size, String property) {
            if (size != null && size.toBytes() < 1) {
                throw new IllegalArgumentException(property + " must be a positive size (e.g. 20MB), not " + size);
            }
        }
    }

    /** {@code dmp.vihf.*}: the caller's SAML identity and the signers trusted (docs/identity.md). */
    public record Vihf(
            @DefaultValue("true") boolean requireSignature,
            @DefaultValue("") String trustStore,
            @DefaultValue("") String trustStorePassword,
            @DefaultValue("PKCS12") @NotBlank String trustStoreType) {
        /** Hides the password. */
        @Override
        public String toString() {
            return "Vihf[requireSignature=" + requireSignature + ", trustStore=" + trustStore
                    + ", trustStoreType=" + trustStoreType + "]";
        }
    }

    /** {@code dmp.fhir.*}. */
    public record Fhir(@Valid @DefaultValue Token token) {
    }

    /** {@code dmp.fhir.token.*}: the bearer JWT of FHIR callers (docs/fhir.md). */
    public record Token(
            @DefaultValue("HS256") @Pattern(regexp = "HS256|RS256", message = "must be HS256 or RS256") String algorithm,
            @DefaultValue("") String secret,
            @DefaultValue("") List<String> publicKeys,
            @DefaultValue("") String issuer,
            @DefaultValue("") String audience,
            @DefaultValue("5m") @NotNull Duration clockSkew) {
        public Token {
            publicKeys = publicKeys == null ? List.of() : List.copyOf(publicKeys);
            if (clockSkew != null && clockSkew.isNegative()) {
                throw new IllegalArgumentException("dmp.fhir.token.clock-skew must not be negative, not " + clockSkew);
            }
        }

        /** Hides the secret. */
        @Override
        public String toString() {
            return "Token[algorithm=" + algorithm + ", publicKeys=" + publicKeys + ", issuer=" + issuer
                    + ", audience=" + audience + ", clockSkew=" + clockSkew + "]";
        }
    }

    /** {@code dmp.habilitation.*}. */
    public record Habilitation(
            @DefaultValue("classpath:terminology/habilitation-matrix.csv") @NotBlank String matrixFile) {
    }

    /** {@code dmp.policy.*}: access rules. */
    public record Policy(
            @DefaultValue("true") boolean authorizationRequiredForWrites,
            @DefaultValue("10") @Min(1) int breakGlassMinLength,
            @DefaultValue("classpath:terminology/vihf-subject-roles.csv") @NotBlank String subjectRolesFile) {
    }

    /** {@code dmp.patients.*}. */
    public record Patients(@DefaultValue("") String seedFile) {
    }

    /** {@code dmp.xds.*}: this repository and the registry's queries. */
    public record Xds(
            @NotBlank String repositoryUniqueId,
            @DefaultValue("") String homeCommunityId,
            @DefaultValue("5000") @Min(1) int maxQueryResults,
            @DefaultValue("false") boolean validateResponses) {
    }

    /** {@code dmp.admin.*}: the administration API (docs/admin-api.md). */
    public record Admin(@DefaultValue("") String token) {
        /** Hides the token. */
        @Override
        public String toString() {
            return "Admin[token=" + (token.isEmpty() ? "" : "***") + "]";
        }
    }

    /**
     * {@code dmp.management.*}: who may read the actuator endpoints.
     *
     * @param open {@code dmp.management.public}: every actuator endpoint answers anyone
     */
    public record Management(@DefaultValue("") String token, @Name("public") @DefaultValue("false") boolean open) {
        /** Hides the token. */
        @Override
        public String toString() {
            return "Management[token=" + (token.isEmpty() ? "" : "***") + ", public=" + open + "]";
        }
    }

    /** {@code dmp.accounts.*}: patient accounts (docs/patient-api.md). */
    public record Accounts(
            @DefaultValue("42d") @NotNull Duration oppositionPeriod,
            @Valid @DefaultValue Code code,
            @Valid @DefaultValue Journey journey,
            @Valid @DefaultValue OneTimeCode oneTimeCode,
            @Valid @DefaultValue Session session,
            @Valid @DefaultValue Creation creation) {
    }

    /** {@code dmp.accounts.code.*}: the provisional code of a new account. */
    public record Code(@DefaultValue("90d") @NotNull Duration validity, @DefaultValue("5") @Min(1) int maxAttempts) {
    }

    /** {@code dmp.accounts.journey.*}: one activation journey. */
    public record Journey(@DefaultValue("30m") @NotNull Duration validity) {
    }

    /** {@code dmp.accounts.one-time-code.*}: the code of a second factor. */
    public record OneTimeCode(@DefaultValue("10m") @NotNull Duration validity,
                              @DefaultValue("3") @Min(1) int maxAttempts) {
    }

    /** {@code dmp.accounts.session.*}: a patient's session. */
    public record Session(@DefaultValue("30m") @NotNull Duration validity) {
    }

    /**
     * {@code dmp.accounts.creation.*}: the job that creates the accounts whose opposition period ended.
     *
     * @param pollInterval milliseconds between two runs
     */
    public record Creation(@DefaultValue("60000") @Min(1) long pollInterval, @DefaultValue("100") @Min(1) int batch,
                           @DefaultValue("true") boolean enabled) {
    }

    /**
     * {@code dmp.notifications.*}: e-mails to patients, sent from the outbox.
     *
     * @param pollInterval milliseconds between two reads of the outbox
     */
    public record Notifications(
            @DefaultValue("true") boolean enabled,
            @Valid @DefaultValue Smtp smtp,
            @DefaultValue("Mon espace santé (bac à sable) <no-reply@dmp-gateway.local>") @NotBlank String from,
            @DefaultValue("2000") @Min(1) long pollInterval,
            @DefaultValue("20") @Min(1) int batchSize,
            @DefaultValue("5s") @NotNull Duration retryBaseDelay,
            @DefaultValue("10m") @NotNull Duration retryMaxDelay,
            @DefaultValue("10") @Min(1) int maxAttempts,
            @DefaultValue("15m") @NotNull Duration failureWarningInterval) {
    }

    /** {@code dmp.notifications.smtp.*}: the SMTP server. */
    public record Smtp(
            @DefaultValue("localhost") @NotBlank String host,
            @DefaultValue("25") @Min(1) @Max(65535) int port,
            @DefaultValue("") String username,
            @DefaultValue("") String password,
            @DefaultValue("10s") @NotNull Duration timeout) {
        /** Hides the password. */
        @Override
        public String toString() {
            return "Smtp[host=" + host + ", port=" + port + ", username=" + username + ", timeout=" + timeout + "]";
        }
    }

    /** {@code dmp.sms.*}: the SMS provider (docs/patient-api.md, "SMS gateway"); no URL: SMS off. */
    public record Sms(
            @DefaultValue("") String url,
            @DefaultValue("") String token,
            @DefaultValue("MonEspSante") String sender,
            @DefaultValue("5s") @NotNull Duration timeout) {
        /** Hides the token. */
        @Override
        public String toString() {
            return "Sms[url=" + url + ", sender=" + sender + ", timeout=" + timeout + "]";
        }
    }
}
