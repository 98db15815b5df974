package org.dmpgateway.config;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.boot.context.properties.bind.Name;
import org.springframework.util.unit.DataSize;

import java.time.Duration;
import java.util.List;

/**
 * Every {@code dmp.*} setting, one typed tree bound once and checked at start by the records'
 * compact constructors ({@link Bounds}): a value out of its bounds stops the start, Spring Boot's
 * report giving as reason one line that names the property (e.g.
 * {@code dmp.limits.retrieve-documents must be at least 1, not -1}). The defaults are those of docs/operations.md,
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
 * @param content       large document contents staged before they are published
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
 * @param messaging     the secure messaging: its SMTP server and rules (docs/messaging.md)
 * @param hl7v2         the HL7v2 (MLLP) listener of hospital integration engines (docs/hl7v2.md)
 */
@ConfigurationProperties(DmpProperties.PREFIX)
public record DmpProperties(
        @DefaultValue("false") boolean sandbox,
        @DefaultValue("./data") String dataDir,
        @DefaultValue("") String version,
        @DefaultValue Limits limits,
        @DefaultValue Content content,
        @DefaultValue Vihf vihf,
        @DefaultValue Fhir fhir,
        @DefaultValue Habilitation habilitation,
        @DefaultValue Policy policy,
        @DefaultValue Patients patients,
        @DefaultValue Xds xds,
        @DefaultValue Admin admin,
        @DefaultValue Management management,
        @DefaultValue Accounts accounts,
        @DefaultValue Notifications notifications,
        @DefaultValue Sms sms,
        @DefaultValue Messaging messaging,
        @DefaultValue Hl7v2 hl7v2) {

    /** The prefix of every key of the tree. */
    public static final String PREFIX = "dmp";

    /** {@code dmp.limits.*}: what one request may cost (docs/security.md, "Limits"). */
    public record Limits(
            @DefaultValue("50MB") DataSize requestBytes,
            @DefaultValue("20MB") DataSize documentBytes,
            @DefaultValue("20") int retrieveDocuments,
            @DefaultValue("100MB") DataSize retrieveBytes,
            @DefaultValue("1000") int bundleEntries) {
        public Limits {
            Bounds.positive(requestBytes, "dmp.limits.request-bytes");
            Bounds.positive(documentBytes, "dmp.limits.document-bytes");
            Bounds.atLeast(1, retrieveDocuments, "dmp.limits.retrieve-documents");
            Bounds.positive(retrieveBytes, "dmp.limits.retrieve-bytes");
            Bounds.atLeast(1, bundleEntries, "dmp.limits.bundle-entries");
        }
    }

    /** {@code dmp.content.*}: large contents staged in short transactions, then published (docs/security.md, "Content streaming"). */
    public record Content(
            @DefaultValue("30m") Duration abandonedUploadAfter,
            @DefaultValue("5m") Duration sweepInterval) {
        public Content {
            Bounds.positive(abandonedUploadAfter, "dmp.content.abandoned-upload-after");
            Bounds.positive(sweepInterval, "dmp.content.sweep-interval");
        }
    }

    /** {@code dmp.vihf.*}: the caller's SAML identity and the signers trusted (docs/identity.md). */
    public record Vihf(
            @DefaultValue("true") boolean requireSignature,
            @DefaultValue("") String trustStore,
            @DefaultValue("") String trustStorePassword,
            @DefaultValue("PKCS12") String trustStoreType) {
        public Vihf {
            Bounds.notBlank(trustStoreType, "dmp.vihf.trust-store-type");
        }

        /** Hides the password. */
        @Override
        public String toString() {
            return "Vihf[requireSignature=" + requireSignature + ", trustStore=" + trustStore
                    + ", trustStoreType=" + trustStoreType + "]";
        }
    }

    /** {@code dmp.fhir.*}. */
    public record Fhir(@DefaultValue Token token) {
    }

    /** {@code dmp.fhir.token.*}: the bearer JWT of FHIR callers (docs/fhir.md). */
    public record Token(
            @DefaultValue("HS256") String algorithm,
            @DefaultValue("") String secret,
            @DefaultValue("") List<String> publicKeys,
            @DefaultValue("") String issuer,
            @DefaultValue("") String audience,
            @DefaultValue("5m") Duration clockSkew,
            @DefaultValue("10000") int cacheSize) {
        public Token {
            Bounds.oneOf(List.of("HS256", "RS256"), algorithm, "dmp.fhir.token.algorithm");
            publicKeys = publicKeys == null ? List.of() : List.copyOf(publicKeys);
            Bounds.notNegative(clockSkew, "dmp.fhir.token.clock-skew");
            Bounds.atLeast(0, cacheSize, "dmp.fhir.token.cache-size");
        }

        /** Hides the secret. */
        @Override
        public String toString() {
            return "Token[algorithm=" + algorithm + ", publicKeys=" + publicKeys + ", issuer=" + issuer
                    + ", audience=" + audience + ", clockSkew=" + clockSkew + ", cacheSize=" + cacheSize + "]";
        }
    }

    /** {@code dmp.habilitation.*}. */
    public record Habilitation(
            @DefaultValue("classpath:terminology/habilitation-matrix.csv") String matrixFile) {
        public Habilitation {
            Bounds.notBlank(matrixFile, "dmp.habilitation.matrix-file");
        }
    }

    /** {@code dmp.policy.*}: access rules. */
    public record Policy(
            @DefaultValue("true") boolean authorizationRequiredForWrites,
            @DefaultValue("10") int breakGlassMinLength,
            @DefaultValue("classpath:terminology/vihf-subject-roles.csv") String subjectRolesFile) {
        public Policy {
            Bounds.atLeast(1, breakGlassMinLength, "dmp.policy.break-glass-min-length");
            Bounds.notBlank(subjectRolesFile, "dmp.policy.subject-roles-file");
        }
    }

    /** {@code dmp.patients.*}. */
    public record Patients(@DefaultValue("") String seedFile) {
    }

    /** {@code dmp.xds.*}: this repository and the registry's queries. */
    public record Xds(
            String repositoryUniqueId,
            @DefaultValue("") String homeCommunityId,
            @DefaultValue("5000") int maxQueryResults,
            @DefaultValue("false") boolean validateResponses,
            @DefaultValue("10000") int renderedValuesCacheSize) {
        public Xds {
            Bounds.notBlank(repositoryUniqueId, "dmp.xds.repository-unique-id");
            Bounds.atLeast(1, maxQueryResults, "dmp.xds.max-query-results");
            Bounds.atLeast(0, renderedValuesCacheSize, "dmp.xds.rendered-values-cache-size");
        }
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
            @DefaultValue("42d") Duration oppositionPeriod,
            @DefaultValue Code code,
            @DefaultValue Journey journey,
            @DefaultValue OneTimeCode oneTimeCode,
            @DefaultValue Session session,
            @DefaultValue Login login,
            @DefaultValue Creation creation,
            @DefaultValue Uploads uploads) {
        public Accounts {
            Bounds.positive(oppositionPeriod, "dmp.accounts.opposition-period");
        }
    }

    /** {@code dmp.accounts.code.*}: the provisional code of a new account. */
    public record Code(@DefaultValue("90d") Duration validity, @DefaultValue("5") int maxAttempts) {
        public Code {
            Bounds.positive(validity, "dmp.accounts.code.validity");
            Bounds.atLeast(1, maxAttempts, "dmp.accounts.code.max-attempts");
        }
    }

    /** {@code dmp.accounts.journey.*}: one activation journey. */
    public record Journey(@DefaultValue("30m") Duration validity) {
        public Journey {
            Bounds.positive(validity, "dmp.accounts.journey.validity");
        }
    }

    /** {@code dmp.accounts.one-time-code.*}: the code of a second factor. */
    public record OneTimeCode(@DefaultValue("10m") Duration validity,
                              @DefaultValue("3") int maxAttempts) {
        public OneTimeCode {
            Bounds.positive(validity, "dmp.accounts.one-time-code.validity");
            Bounds.atLeast(1, maxAttempts, "dmp.accounts.one-time-code.max-attempts");
        }
    }

    /** {@code dmp.accounts.session.*}: a patient's session. */
    public record Session(@DefaultValue("30m") Duration validity) {
        public Session {
            Bounds.positive(validity, "dmp.accounts.session.validity");
        }
    }

    /** {@code dmp.accounts.login.*}: wrong passwords in a row before the patient's login is locked, and for how long. */
    public record Login(@DefaultValue("5") int maxFailures, @DefaultValue("15m") Duration lockDuration) {
        public Login {
            Bounds.atLeast(1, maxFailures, "dmp.accounts.login.max-failures");
            Bounds.positive(lockDuration, "dmp.accounts.login.lock-duration");
        }
    }

    /**
     * {@code dmp.accounts.creation.*}: the job that creates the accounts whose opposition period ended.
     *
     * @param pollInterval milliseconds between two runs
     */
    public record Creation(@DefaultValue("60000") long pollInterval, @DefaultValue("100") int batch,
                           @DefaultValue("true") boolean enabled) {
        public Creation {
            Bounds.atLeast(1, pollInterval, "dmp.accounts.creation.poll-interval");
            Bounds.atLeast(1, batch, "dmp.accounts.creation.batch");
        }
    }

    /**
     * {@code dmp.accounts.uploads.*}: the documents a patient adds to their record (dmp-rules.md section 2).
     *
     * @param maxBytes the largest document a patient may add (Mon espace santé: 5 MB)
     */
    public record Uploads(@DefaultValue("5MB") DataSize maxBytes) {
        public Uploads {
            Bounds.positive(maxBytes, "dmp.accounts.uploads.max-bytes");
        }
    }

    /**
     * {@code dmp.notifications.*}: e-mails to patients, sent from the outbox.
     *
     * @param pollInterval milliseconds between two reads of the outbox
     */
    public record Notifications(
            @DefaultValue("true") boolean enabled,
            @DefaultValue Smtp smtp,
            @DefaultValue("Mon espace santé (bac à sable) <no-reply@dmp-gateway.local>") String from,
            @DefaultValue("2000") long pollInterval,
            @DefaultValue("20") int batchSize,
            @DefaultValue("5s") Duration retryBaseDelay,
            @DefaultValue("10m") Duration retryMaxDelay,
            @DefaultValue("10") int maxAttempts,
            @DefaultValue("15m") Duration failureWarningInterval) {
        public Notifications {
            Bounds.notBlank(from, "dmp.notifications.from");
            Bounds.atLeast(1, pollInterval, "dmp.notifications.poll-interval");
            Bounds.atLeast(1, batchSize, "dmp.notifications.batch-size");
            Bounds.positive(retryBaseDelay, "dmp.notifications.retry-base-delay");
            Bounds.positive(retryMaxDelay, "dmp.notifications.retry-max-delay");
            Bounds.atLeast(1, maxAttempts, "dmp.notifications.max-attempts");
            Bounds.notNegative(failureWarningInterval, "dmp.notifications.failure-warning-interval");
        }
    }

    /** {@code dmp.notifications.smtp.*}: the SMTP server. */
    public record Smtp(
            @DefaultValue("localhost") String host,
            @DefaultValue("25") int port,
            @DefaultValue("") String username,
            @DefaultValue("") String password,
            @DefaultValue("10s") Duration timeout) {
        public Smtp {
            Bounds.notBlank(host, "dmp.notifications.smtp.host");
            Bounds.between(1, 65535, port, "dmp.notifications.smtp.port");
            Bounds.positive(timeout, "dmp.notifications.smtp.timeout");
        }

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
            @DefaultValue("5s") Duration timeout) {
        public Sms {
            Bounds.positive(timeout, "dmp.sms.timeout");
        }

        /** Hides the token. */
        @Override
        public String toString() {
            return "Sms[url=" + url + ", sender=" + sender + ", timeout=" + timeout + "]";
        }
    }

    /**
     * {@code dmp.messaging.*}: the secure messaging of Mon espace santé (docs/messaging.md).
     *
     * @param enabled                start the SMTP server (sandbox default true)
     * @param domain                 the patients' mail domain: {@code <matricule>@domain}
     * @param trustedSenderDomains   the senders' domains accepted; {@code *.x} is any sub-domain of x
     * @param from                   the From of the bounces and read receipts
     * @param maxMessageSize         a received message's size at most (SMTP SIZE, 552 beyond)
     * @param replySubjectLength     a patient's reply subject, characters at most
     * @param replyAttachmentsSize   a patient's reply attachments, total size at most
     * @param reportEnvelopeSender   the SMTP envelope sender (MAIL FROM) of the bounces and read receipts:
     *                               {@code <>}, the null reverse-path RFC 3464 and RFC 8098 ask for;
     *                               an address for a relay that refuses it
     */
    public record Messaging(
            @DefaultValue("false") boolean enabled,
            @DefaultValue("patient.mssante.fr") String domain,
            @DefaultValue("") List<String> trustedSenderDomains,
            @DefaultValue("Mon espace santé (bac à sable) <mailer-daemon@patient.mssante.fr>") String from,
            @DefaultValue("25MB") DataSize maxMessageSize,
            @DefaultValue("80") int replySubjectLength,
            @DefaultValue("10MB") DataSize replyAttachmentsSize,
            @DefaultValue("<>") String reportEnvelopeSender,
            @DefaultValue MessagingSmtp smtp) {
        public Messaging {
            Bounds.notBlank(domain, "dmp.messaging.domain");
            trustedSenderDomains = trustedSenderDomains == null ? List.of()
                    : trustedSenderDomains.stream().map(String::trim).filter(d -> !d.isEmpty()).toList();
            Bounds.notBlank(from, "dmp.messaging.from");
            Bounds.positive(maxMessageSize, "dmp.messaging.max-message-size");
            Bounds.between(1, 998, replySubjectLength, "dmp.messaging.reply-subject-length");
            Bounds.positive(replyAttachmentsSize, "dmp.messaging.reply-attachments-size");
            Bounds.notBlank(reportEnvelopeSender, "dmp.messaging.report-envelope-sender");
        }
    }

    /**
     * {@code dmp.hl7v2.*}: the MLLP listener of the ANS "transmission de documents CDA en HL7v2" messages
     * (docs/hl7v2.md). Off unless {@code enabled}; every sending application must be declared in
     * {@code senders}: it stands for its structure as a VIHF would (a PFI acts for its structure).
     */
    public record Hl7v2(
            @DefaultValue("false") boolean enabled,
            @DefaultValue("0.0.0.0") String host,
            @DefaultValue("2575") int port,
            @DefaultValue("GATEWAY-DMP") String application,
            @DefaultValue("DMP-GATEWAY") String facility,
            List<Hl7v2Sender> senders) {
        public Hl7v2 {
            Bounds.notBlank(host, "dmp.hl7v2.host");
            Bounds.between(1, 65535, port, "dmp.hl7v2.port");
            Bounds.notBlank(application, "dmp.hl7v2.application");
            Bounds.notBlank(facility, "dmp.hl7v2.facility");
            senders = senders == null ? List.of() : List.copyOf(senders);
        }

        /** The declared sender of this MSH-3 / MSH-4 (namespace ids, compared exactly), or null. */
        public Hl7v2Sender sender(String application, String facility) {
            return senders.stream().filter(s -> s.application().equals(application) && s.facility().equals(facility))
                    .findFirst().orElse(null);
        }
    }

    /**
     * {@code dmp.messaging.smtp.*}: the gateway's SMTP server (STARTTLS).
     *
     * @param port             its port, 0 for any free one (tests)
     * @param bindAddress      the address it listens on (empty: all)
     * @param hostName         the name it gives in its greeting
     * @param requireTls       refuse mail before STARTTLS
     * @param keyStore         the server's key and certificate (Spring resource location)
     * @param connectionTimeout an idle connection is closed after it
     * @param maxConnections   simultaneous connections at most
     */
    public record MessagingSmtp(
            @DefaultValue("2525") int port,
            @DefaultValue("") String bindAddress,
            @DefaultValue("localhost") String hostName,
            @DefaultValue("true") boolean requireTls,
            @DefaultValue("") String keyStore,
            @DefaultValue("") String keyStorePassword,
            @DefaultValue("PKCS12") String keyStoreType,
            @DefaultValue("60s") Duration connectionTimeout,
            @DefaultValue("50") int maxConnections) {
        public MessagingSmtp {
            Bounds.between(0, 65535, port, "dmp.messaging.smtp.port");
            Bounds.notBlank(hostName, "dmp.messaging.smtp.host-name");
            Bounds.notBlank(keyStoreType, "dmp.messaging.smtp.key-store-type");
            Bounds.positive(connectionTimeout, "dmp.messaging.smtp.connection-timeout");
            Bounds.atLeast(1, maxConnections, "dmp.messaging.smtp.max-connections");
        }

        /** Hides the password. */
        @Override
        public String toString() {
            return "MessagingSmtp[port=" + port + ", bindAddress=" + bindAddress + ", hostName=" + hostName
                    + ", requireTls=" + requireTls + ", keyStore=" + keyStore + ", keyStoreType=" + keyStoreType
                    + ", connectionTimeout=" + connectionTimeout + ", maxConnections=" + maxConnections + "]";
        }
    }

    /**
     * {@code dmp.hl7v2.senders[i].*}: one sending application (MSH-3) of one facility (MSH-4) and the identity the
     * gateway gives its messages in place of a VIHF: the structure (Identifiant_Structure, Secteur_Activite), the
     * software (LPS_Nom, LPS_ID_HOMOLOGATION_DMP), and the role of the professional the message names as sender
     * (PRT-4 = SB: PRT-5 person) when the message cannot say it (code^codeSystem, TRE_G15 by default: médecin), and
     * its applicative MSSanté mailbox ({@code mailbox}: the From of the documents it sends by MSSanté; empty: none).
     */
    public record Hl7v2Sender(
            String application,
            String facility,
            String structureId,
            @DefaultValue("SA01^1.2.250.1.71.4.2.4") String activitySector,
            @DefaultValue("") String softwareName,
            @DefaultValue("") String softwareHomologation,
            @DefaultValue("10^1.2.250.1.71.1.2.7") String role,
            @DefaultValue("") String specialty,
            @DefaultValue("") String mailbox) {
        public Hl7v2Sender {
            Bounds.notBlank(application, "dmp.hl7v2.senders[].application");
            Bounds.notBlank(facility, "dmp.hl7v2.senders[].facility");
            Bounds.notBlank(structureId, "dmp.hl7v2.senders[].structure-id");
            Bounds.notBlank(role, "dmp.hl7v2.senders[].role");
        }
    }
}
