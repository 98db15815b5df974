package org.dmpgateway.mappings.fhir.common;

import org.dmpgateway.model.error.DmpError;
import org.dmpgateway.model.error.DmpErrorCode;
import org.dmpgateway.model.error.DmpException;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * The refusals found while reading one FHIR resource or bundle: all are collected so that the
 * caller learns every problem at once, then thrown together as one {@link DmpException}. Each
 * message is {@code [<prefix>: ]<FHIR path>: <rule>}; the location is the resource's fullUrl or
 * id when known, otherwise the path.
 */
public final class Problems {
    private final List<DmpError> errors = new ArrayList<>();
    private final String prefix;
    private final String location;

    /**
     * @param prefix   names the resource in the messages (e.g. "entry urn:uuid:..."), or null
     * @param location the location of every error (fullUrl, id), or null to use the field
     */
    public Problems(String prefix, String location) {
        this.prefix = prefix;
        this.location = location;
    }

    public void add(String field, String rule) {
        add(DmpErrorCode.METADATA_ERROR, field, rule);
    }

    public void add(DmpErrorCode code, String field, String rule) {
        errors.add(new DmpError(code, (prefix == null ? "" : prefix + ": ") + field + ": " + rule,
                location != null ? location : field));
    }

    /** Adds the errors of an exception (their messages already name the field). */
    public void add(DmpException e) {
        for (DmpError error : e.errors()) {
            errors.add(new DmpError(error.code(), (prefix == null ? "" : prefix + ": ") + error.message(),
                    location != null ? location : error.location()));
        }
    }

    /** Runs {@code read}; a refusal is recorded and null returned. */
    public <T> T attempt(Supplier<T> read) {
        try {
            return read.get();
        } catch (DmpException e) {
            add(e);
            return null;
        }
    }

    boolean isEmpty() {
        return errors.isEmpty();
    }

    public List<DmpError> errors() {
        return errors;
    }

    public void addAll(List<DmpError> more) {
        errors.addAll(more);
    }

    public void throwIfAny() {
        if (!errors.isEmpty()) {
            throw new DmpException(List.copyOf(errors));
        }
    }
}
