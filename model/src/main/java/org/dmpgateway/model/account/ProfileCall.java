package org.dmpgateway.model.account;

import org.dmpgateway.model.PatientRef;

/** What a legal representative does on a child's profile: given the child's INS, as the core opened it. */
@FunctionalInterface
public interface ProfileCall<T> {
    T run(PatientRef profile) throws Exception;
}
