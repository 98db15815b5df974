package org.dmpgateway.core.notification;

import org.dmpgateway.config.DmpProperties;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

import java.time.Duration;

/**
 * The {@code dmp.notifications.*} keys (documented in application.yml): the SMTP server, the sender
 * address, how often the outbox is read, how failed messages are retried and after how many attempts
 * they are parked. Checked at start: a
 * wrong value stops the start with the key's name.
 */
@Component
public class NotificationSettings {
    private final boolean enabled;
    private final String smtpHost;
    private final int smtpPort;
    private final String smtpUsername;
    private final String smtpPassword;
    private final Duration smtpTimeout;
    private final String from;
    private final long pollIntervalMillis;
    private final int batchSize;
    private final RetryBackoff backoff;
    private final int maxAttempts;
    private final Duration failureWarningInterval;

    /** The {@code dmp.notifications} node of the configuration tree. */
    @Autowired
    public NotificationSettings(DmpProperties.Notifications n) {
        this(n.enabled(), n.smtp().host(), n.smtp().port(), n.smtp().username(), n.smtp().password(),
                n.smtp().timeout(), n.from(), n.pollInterval(), n.batchSize(), n.retryBaseDelay(), n.retryMaxDelay(),
                n.maxAttempts(), n.failureWarningInterval());
    }

    public NotificationSettings(
            boolean enabled,
            String smtpHost,
            int smtpPort,
            String smtpUsername,
            String smtpPassword,
            Duration smtpTimeout,
            String from,
            long pollIntervalMillis,
            int batchSize,
            Duration retryBaseDelay,
            Duration retryMaxDelay,
            int maxAttempts,
            Duration failureWarningInterval) {
        if (smtpHost == null || smtpHost.isBlank()) {
            throw new IllegalArgumentException("dmp.notifications.smtp.host is empty");
        }
        if (smtpPort < 1 || smtpPort > 65535) {
            throw new IllegalArgumentException("dmp.notifications.smtp.port must be 1 to 65535, not " + smtpPort);
        }
        if (smtpTimeout.isNegative() || smtpTimeout.isZero() || smtpTimeout.toMillis() > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("dmp.notifications.smtp.timeout must be positive, not " + smtpTimeout);
        }
        if (from == null || from.isBlank()) {
            throw new IllegalArgumentException("dmp.notifications.from is empty");
        }
        if (pollIntervalMillis < 1) {
            throw new IllegalArgumentException("dmp.notifications.poll-interval must be at least 1 ms, not "
                    + pollIntervalMillis);
        }
        if (batchSize < 1) {
            throw new IllegalArgumentException("dmp.notifications.batch-size must be at least 1, not " + batchSize);
        }
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("dmp.notifications.max-attempts must be at least 1, not " + maxAttempts);
        }
        if (failureWarningInterval.isNegative()) {
            throw new IllegalArgumentException("dmp.notifications.failure-warning-interval must not be negative, not "
                    + failureWarningInterval);
        }
        this.enabled = enabled;
        this.smtpHost = smtpHost.trim();
        this.smtpPort = smtpPort;
        this.smtpUsername = smtpUsername == null || smtpUsername.isBlank() ? null : smtpUsername;
        this.smtpPassword = smtpPassword == null || smtpPassword.isEmpty() ? null : smtpPassword;
        this.smtpTimeout = smtpTimeout;
        this.from = from.trim();
        this.pollIntervalMillis = pollIntervalMillis;
        this.batchSize = batchSize;
        this.backoff = new RetryBackoff(retryBaseDelay, retryMaxDelay);
        this.maxAttempts = maxAttempts;
        this.failureWarningInterval = failureWarningInterval;
    }

    public boolean enabled() {
        return enabled;
    }

    public String smtpHost() {
        return smtpHost;
    }

    public int smtpPort() {
        return smtpPort;
    }

    /** Null when the SMTP server takes no authentication. */
    public String smtpUsername() {
        return smtpUsername;
    }

    public String smtpPassword() {
        return smtpPassword;
    }

    /** Connect and read timeout of one SMTP conversation. */
    public Duration smtpTimeout() {
        return smtpTimeout;
    }

    /** The From header: an address, optionally with a display name ({@code Name <address>}). */
    public String from() {
        return from;
    }

    public long pollIntervalMillis() {
        return pollIntervalMillis;
    }

    /** Messages claimed (and sent) per poll at most. */
    public int batchSize() {
        return batchSize;
    }

    public RetryBackoff backoff() {
        return backoff;
    }

    /** Attempts of one message at most; after the last failed one the message is parked. */
    public int maxAttempts() {
        return maxAttempts;
    }

    /**
     * At most one WARN line per this interval for failed attempts (the others are logged at DEBUG
     * and counted in the next WARN line); parking a message always logs one WARN line.
     */
    public Duration failureWarningInterval() {
        return failureWarningInterval;
    }

    /**
     * How long a claimed batch is reserved for this sender: long enough to send the whole batch
     * when every message runs into both SMTP timeouts (connect, read), plus a minute. Another
     * gateway instance sharing the database takes an unsent message over only after that, so a
     * message is not sent twice while the first sender still works on it; a sender that died
     * mid-batch leaves its messages to be taken over then.
     */
    public long claimLeaseMillis() {
        return batchSize * 2L * smtpTimeout.toMillis() + 60_000L;
    }
}
