package org.dmpgateway.core.notification;

import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mail.MailConfiguration;
import org.apache.camel.component.mail.MailEndpoint;
import org.springframework.stereotype.Component;

/**
 * Sends the e-mails of the notification outbox (rows written in the transaction of the action that
 * causes them) over SMTP. Every poll interval: claim the due messages, then for each one compose
 * the e-mail and hand it to the SMTP server; accepted ones are marked sent, refused ones (server
 * down, connection refused, bad address) are kept with their error and retried with exponential
 * backoff. Delivery is at least once: a message is marked sent only after the SMTP server took
 * it, so a crash in between may send it twice but never loses it.
 * With {@code dmp.notifications.enabled=false} the route exists but is not started.
 */
@Component
public class NotificationRoutes extends RouteBuilder {
    /** Route id. */
    public static final String ROUTE_ID = "notification-sender";
    /** Exchange property holding the outbox message while its e-mail is composed and sent. */
    static final String NOTIFICATION = "dmpNotification";

    private final NotificationSettings settings;
    private final OutboxDelivery delivery;
    private final NotificationMail mail;

    public NotificationRoutes(NotificationSettings settings, OutboxDelivery delivery, NotificationMail mail) {
        this.settings = settings;
        this.delivery = delivery;
        this.mail = mail;
    }

    @Override
    public void configure() {
        from(timerUri()).routeId(ROUTE_ID)
                .autoStartup(settings.enabled())
                .bean(delivery, "claimDue")
                .split(body())
                    .setProperty(NOTIFICATION, body())
                    .doTry()
                        .bean(mail, "compose")
                        .to(smtpEndpoint())
                    .doCatch(Exception.class)
                        .bean(delivery, "failed")
                    .end()
                    // only what the SMTP server accepted is marked sent; outside the try, so that a
                    // failure to mark it (database down) is not recorded as a failed send: the
                    // lease runs out and the message is sent again
                    .filter(exchangeProperty(Exchange.EXCEPTION_CAUGHT).isNull())
                        .bean(delivery, "sent")
                    .end()
                .end();
    }

    private String timerUri() {
        long period = settings.pollIntervalMillis();
        return "timer:notification-outbox?period=" + period + "&delay=" + period;
    }

    /**
     * {@code smtp://host:port}; the credentials and the timeout are set on the endpoint's
     * configuration rather than in the URI, so a password needs no escaping and never shows in
     * the endpoint's URI.
     */
    private MailEndpoint smtpEndpoint() {
        MailEndpoint endpoint = getContext().getEndpoint(
                "smtp://" + settings.smtpHost() + ":" + settings.smtpPort(), MailEndpoint.class);
        MailConfiguration smtp = endpoint.getConfiguration();
        smtp.setConnectionTimeout((int) settings.smtpTimeout().toMillis());
        if (settings.smtpUsername() != null) {
            smtp.setUsername(settings.smtpUsername());
            smtp.setPassword(settings.smtpPassword());
        }
        return endpoint;
    }
}
