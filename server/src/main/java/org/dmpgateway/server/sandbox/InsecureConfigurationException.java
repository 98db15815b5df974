package org.dmpgateway.server.sandbox;

/**
 * The configuration would open the server with a well-known secret, or leave its callers
 * unauthenticated, outside a sandbox. Its message is one line: the property and what to do.
 */
public class InsecureConfigurationException extends RuntimeException {
    public InsecureConfigurationException(String message) {
        super(message, null, false, false);
    }
}
