package org.dmpgateway.model.trail;

import org.dmpgateway.model.access.AccessMode;
import org.dmpgateway.model.access.CallerSoftware;
import org.dmpgateway.model.PatientRef;

import java.time.Instant;
import java.util.List;

/**
 * One line of a record's history: who did (or tried) what, how, on which documents, and the
 * outcome. Every action and every refused attempt leaves one (docs/sources/dmp-rules.md section 3).
 *
 * @param id             database id (null before it is stored)
 * @param role           profession code, then "/" and the specialty code when there is one (e.g. {@code 10/SM26})
 * @param patient        the record concerned (null when the request named none that could be read)
 * @param documentIds    the documents concerned (uniqueIds), possibly empty
 * @param outcome        {@link #SUCCESS} or the DMP error code of the refusal
 * @param detail         a short human-readable detail (the refusal message, the query name...)
 * @param software       the caller's software (name and version, LPS_ID, DMP homologation number); null
 *                       when the identity named none, or for a change made through the admin API
 */
public record AccessTrace(Long id, Instant time, String actorId, String actorName, String structureId, String role,
                          AccessMode mode, String justification, PatientRef patient, TraceAction action,
                          List<String> documentIds, String outcome, String detail, CallerSoftware software) {
    public static final String SUCCESS = "SUCCESS";

    public AccessTrace {
        documentIds = List.copyOf(documentIds == null ? List.of() : documentIds);
        if (time == null || action == null || outcome == null) {
            throw new IllegalArgumentException("a trace needs a time, an action and an outcome");
        }
    }

    public boolean succeeded() {
        return SUCCESS.equals(outcome);
    }
}
