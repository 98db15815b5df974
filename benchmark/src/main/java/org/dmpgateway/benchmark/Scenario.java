package org.dmpgateway.benchmark;

/**
 * One kind of request the harness repeats: a transaction over HTTP, or a reference operation on
 * the database. Implementations are called from several threads at once.
 */
interface Scenario {
    /** Short name, as given to --scenarios. */
    String id();

    /** What one call does, for the report. */
    String description();

    /** Whether the figures are read as MB/s (the bytes each call returns count). */
    default boolean measuresBytes() {
        return false;
    }

    /**
     * One request, checked: throws unless it fully succeeded.
     *
     * @param worker the calling thread's index (0 .. concurrency-1)
     * @param seq    a number unique to this call within the measurement
     * @return the payload bytes moved (documents), 0 when not relevant
     */
    long call(int worker, long seq) throws Exception;
}
