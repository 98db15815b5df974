package org.dmpgateway.model.query;

/**
 * A time range of a stored query, as HL7 DTM strings: {@code from} inclusive, {@code to}
 * exclusive (IHE ITI TF-2a 3.18.4.1.2.3.7). Either bound may be null.
 */
public record TimeRangeCriterion(String from, String to) {
    public static final TimeRangeCriterion NONE = new TimeRangeCriterion(null, null);

    public boolean isEmpty() {
        return from == null && to == null;
    }
}
