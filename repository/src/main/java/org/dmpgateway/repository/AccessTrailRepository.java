package org.dmpgateway.repository;

import org.dmpgateway.model.PatientRef;
import org.dmpgateway.model.trail.AccessTrace;
import org.dmpgateway.model.trail.TraceAction;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The history of each record: every action and every refused attempt. A write joins the caller's
 * transaction when there is one (so an action and its trace commit together), or runs alone.
 */
public interface AccessTrailRepository {

    void record(AccessTrace trace);

    /** The record's traces, newest first, at most {@code limit}. */
    List<AccessTrace> findByPatient(PatientRef patient, int limit);

    /**
     * When each professional last acted on the record successfully (TD1.6 {@code lastActionDate}):
     * actor id to the time of his latest successful trace.
     */
    Map<String, Instant> lastActions(PatientRef patient);

    /**
     * The time of the latest successful trace on the record with one of {@code actions} (any actor
     * when {@code actorId} is null), empty when none (TD0.4: last access, last document added or changed).
     */
    Optional<Instant> lastAction(PatientRef patient, String actorId, Set<TraceAction> actions);
}
