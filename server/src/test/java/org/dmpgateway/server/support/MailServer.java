package org.dmpgateway.server.support;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Address;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;
import org.springframework.test.context.DynamicPropertyRegistry;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A real SMTP server for end-to-end tests (GreenMail on 127.0.0.1), to check the e-mails the
 * gateway sends. It keeps every message it received since it was created (or {@link #clear()}ed),
 * across {@link #stop()} and {@link #start()}, so "delivered exactly once" can be asserted over an
 * outage. Typical use in a {@code @SpringBootTest}:
 *
 * <pre>{@code
 * static final MailServer MAIL = MailServer.startOnFreePort();
 *
 * @DynamicPropertySource
 * static void smtp(DynamicPropertyRegistry registry) { MAIL.registerSmtpProperties(registry); }
 *
 * @AfterAll
 * static void stopMail() { MAIL.close(); }
 *
 * List<MailServer.ReceivedMail> mails = MAIL.waitForMessages(1, Duration.ofSeconds(10));
 * }</pre>
 */
public final class MailServer implements AutoCloseable {
    /** The address the server listens on. */
    public static final String HOST = "127.0.0.1";

    private final List<ReceivedMail> beforeRestarts = new ArrayList<>();
    private GreenMail greenMail;
    private int port;

    private MailServer(int port) {
        this.port = port;
    }

    /** Starts a server on a port the system picks; {@link #port()} tells which. */
    public static MailServer startOnFreePort() {
        return startOn(0);
    }

    /** Starts a server on {@code port} (0: any free port). */
    public static MailServer startOn(int port) {
        MailServer server = new MailServer(port);
        server.start();
        return server;
    }

    /**
     * Starts the server again after {@link #stop()}, on the same port. Does nothing when it runs.
     */
    public synchronized void start() {
        if (isRunning()) {
            return;
        }
        GreenMail started = new GreenMail(new ServerSetup(port, HOST, ServerSetup.PROTOCOL_SMTP));
        started.start();
        greenMail = started;
        port = started.getSmtp().getPort();
    }

    /**
     * Stops the server: connections to its port are refused until {@link #start()}. The messages
     * received so far stay in {@link #received()}.
     */
    public synchronized void stop() {
        if (greenMail == null) {
            return;
        }
        beforeRestarts.addAll(toReceived(greenMail.getReceivedMessages()));
        greenMail.stop();
        greenMail = null;
    }

    /** {@link #stop()} then {@link #start()} on the same port. */
    public void restart() {
        stop();
        start();
    }

    @Override
    public void close() {
        stop();
    }

    public synchronized boolean isRunning() {
        return greenMail != null && greenMail.isRunning();
    }

    /** The SMTP port (the same across restarts). */
    public synchronized int port() {
        return port;
    }

    /**
     * Points the gateway's notification sender at this server ({@code dmp.notifications.smtp.host}
     * and {@code .port}); call it from a {@code @DynamicPropertySource} method.
     */
    public void registerSmtpProperties(DynamicPropertyRegistry registry) {
        registry.add("dmp.notifications.smtp.host", () -> HOST);
        registry.add("dmp.notifications.smtp.port", this::port);
    }

    /** Every message received since creation or {@link #clear()}, oldest first, across restarts. */
    public synchronized List<ReceivedMail> received() {
        List<ReceivedMail> all = new ArrayList<>(beforeRestarts);
        if (greenMail != null) {
            all.addAll(toReceived(greenMail.getReceivedMessages()));
        }
        return all;
    }

    /** The received messages with {@code address} among their To recipients. */
    public List<ReceivedMail> receivedBy(String address) {
        return received().stream().filter(m -> m.to().stream().anyMatch(address::equalsIgnoreCase)).toList();
    }

    /**
     * Waits until at least {@code count} messages have been received in all (see {@link #received()})
     * and returns them all; fails with the list of what did arrive after {@code timeout}.
     */
    public List<ReceivedMail> waitForMessages(int count, Duration timeout) {
        try {
            Awaitility.await("%d e-mail(s) at the test SMTP server".formatted(count))
                    .atMost(timeout)
                    .pollInterval(Duration.ofMillis(50))
                    .until(() -> received().size() >= count);
        } catch (ConditionTimeoutException e) {
            List<ReceivedMail> got = received();
            throw new AssertionError("expected at least " + count + " e-mail(s) within " + timeout + ", received "
                    + got.size() + ": " + got.stream().map(m -> m.to() + " " + m.subject()).toList(), e);
        }
        return received();
    }

    /** Forgets every message received so far. */
    public synchronized void clear() {
        beforeRestarts.clear();
        if (greenMail != null) {
            try {
                greenMail.purgeEmailFromAllMailboxes();
            } catch (Exception e) {
                throw new IllegalStateException("could not empty the test mailboxes", e);
            }
        }
    }

    private static List<ReceivedMail> toReceived(MimeMessage[] messages) {
        return Arrays.stream(messages).map(ReceivedMail::of).toList();
    }

    /**
     * One received e-mail, decoded: the From address and display name (null without one), the To
     * addresses, the subject, the text body decoded with its charset and with SMTP's CRLF line ends
     * turned back into {@code \n} (null for a non-text body), and the Content-Type header.
     * {@code message} is GreenMail's copy, for anything else (see {@link #rawHeader}).
     */
    public record ReceivedMail(String fromAddress, String fromName, List<String> to, String subject, String body,
                               String contentType, MimeMessage message) {

        static ReceivedMail of(MimeMessage message) {
            try {
                InternetAddress from = first(message.getFrom());
                Object content = message.getContent();
                return new ReceivedMail(
                        from == null ? null : from.getAddress(),
                        from == null ? null : from.getPersonal(),
                        addresses(message.getRecipients(Message.RecipientType.TO)),
                        message.getSubject(),
                        content instanceof String text ? text.replace("\r\n", "\n") : null,
                        message.getContentType(),
                        message);
            } catch (MessagingException | IOException e) {
                throw new IllegalStateException("unreadable e-mail at the test SMTP server", e);
            }
        }

        /** A header as it travelled (encoded words not decoded), or null when absent. */
        public String rawHeader(String name) {
            try {
                String[] values = message.getHeader(name);
                return values == null || values.length == 0 ? null : values[0];
            } catch (MessagingException e) {
                throw new IllegalStateException(e);
            }
        }

        private static InternetAddress first(Address[] addresses) {
            return addresses == null || addresses.length == 0 || !(addresses[0] instanceof InternetAddress ia)
                    ? null : ia;
        }

        private static List<String> addresses(Address[] addresses) {
            return addresses == null ? List.of() : Arrays.stream(addresses)
                    .map(a -> a instanceof InternetAddress ia ? ia.getAddress() : a.toString()).toList();
        }
    }
}
