package org.dmpgateway.server.sandbox;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Turns {@link InsecureConfigurationException} into Spring Boot's start failure report, without a stack trace. */
public class InsecureConfigurationFailureAnalyzer extends AbstractFailureAnalyzer<InsecureConfigurationException> {
    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, InsecureConfigurationException cause) {
        return new FailureAnalysis("DMP Gateway refuses to start: " + cause.getMessage(),
                "Outside a sandbox (dmp.sandbox=false, the default) no documented secret is accepted; "
                        + "see docs/security.md, \"Sandbox versus production\".", cause);
    }
}
