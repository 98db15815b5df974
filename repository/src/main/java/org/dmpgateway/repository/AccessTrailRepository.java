package org.dmpgateway.repository;

import org.dmpgateway.model.PatientRef;
import org.dmpgateway.model.trail.AccessTrace;

import java.util.List;

/**
 * The history of each record: every action and every refused attempt. A write joins the caller's
 * transaction when there is one (so an action and its trace commit together), or runs alone.
 */
public interface AccessTrailRepository {

    void record(AccessTrace trace);

    /** The record's traces, newest first, at most {@code limit}. */
    List<AccessTrace> findByPatient(PatientRef patient, int limit);

    /** True when this professional already accessed this record successfully once. */
    boolean hasAccessed(PatientRef patient, String actorId);
}
