package org.dmpgateway.server.metrics;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.springframework.stereotype.Component;

import java.time.Duration;

/**
 * One timer per transaction, {@value #NAME}, served by {@code /actuator/prometheus} as
 * {@code dmp_transactions_seconds_count}, {@code _sum} and {@code _max}. Its tags:
 * <ul>
 *   <li>{@code protocol}: SOAP, FHIR or REST;</li>
 *   <li>{@code transaction}: ITI-41, ITI-18, ITI-43, ITI-57, ITI-62, ITI-65, ITI-105, ITI-67, ITI-66,
 *       ITI-68, PATCH, DELETE, TD0.2, TD0.3, AuditEvent, metadata;</li>
 *   <li>{@code query}: the stored query of an ITI-18 (FindDocuments, GetAll...), the interaction
 *       of a FHIR request (search, read, vread), {@code none} otherwise;</li>
 *   <li>{@code outcome}: success, partial or failure;</li>
 *   <li>{@code error}: the first error code of a partial or failed answer (the XDS errorCode, the
 *       gateway's error code for a FHIR or REST refusal), {@code none} on success.</li>
 * </ul>
 * The adapters' boundaries record into it ({@link XdsTransactionMetrics}, {@link FhirTransactionMetrics},
 * {@link RestTransactionMetrics}); the rules stay in the core.
 */
@Component
public class TransactionMetrics {
    public static final String NAME = "dmp.transactions";
    public static final String NONE = "none";

    /** The answer's outcome, as the tag says it. */
    public enum Outcome {
        SUCCESS("success"), PARTIAL("partial"), FAILURE("failure");

        private final String tag;

        Outcome(String tag) {
            this.tag = tag;
        }

        public String tag() {
            return tag;
        }
    }

    private final MeterRegistry registry;

    public TransactionMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    public void record(String protocol, String transaction, String query, Outcome outcome, String error, long nanos) {
        Timer.builder(NAME)
                .description("DMP Gateway transactions by protocol, transaction, query, outcome and error code")
                .tag("protocol", protocol)
                .tag("transaction", transaction)
                .tag("query", blankToNone(query))
                .tag("outcome", outcome.tag())
                .tag("error", outcome == Outcome.SUCCESS ? NONE : blankToNone(error))
                .register(registry)
                .record(Duration.ofNanos(Math.max(0, nanos)));
    }

    private static String blankToNone(String s) {
        return s == null || s.isBlank() ? NONE : s;
    }
}
