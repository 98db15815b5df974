package org.dmpgateway.model.account;

/** The patient's decision in the activation journey (seed 002, "Je prends ma décision"). */
public enum AccountDecision {
    ACTIVATE,
    OPPOSE
}
