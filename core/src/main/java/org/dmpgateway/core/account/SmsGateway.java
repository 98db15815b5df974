package org.dmpgateway.core.account;

/** Sends one SMS to a mobile number through the configured provider. */
public interface SmsGateway {

    /** Whether a provider is configured ({@code dmp.sms.url}). */
    boolean available();

    /**
     * Hands {@code text} to the provider for {@code mobile} (+33... form).
     *
     * @throws SmsFailure when the provider is unreachable or refuses it
     */
    void send(String mobile, String text);

    /** The provider did not take the SMS. */
    class SmsFailure extends RuntimeException {
        public SmsFailure(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
