package org.dmpgateway.smtp;

import org.dmpgateway.config.DmpProperties;
import org.dmpgateway.model.messaging.SecureMessaging;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.core.io.DefaultResourceLoader;
import org.springframework.core.io.Resource;
import org.springframework.stereotype.Component;
import org.subethamail.smtp.server.SMTPServer;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.concurrent.TimeUnit;

/**
 * The secure messaging's SMTP server (SubEthaSMTP): STARTTLS with the key of
 * {@code dmp.messaging.smtp.key-store}, required unless {@code require-tls=false}; the port, size
 * and connection limits of {@code dmp.messaging.*}. Started with the application when
 * {@code dmp.messaging.enabled}, stopped before it closes. Each transaction is an
 * {@link MssMessageHandler} over {@link SecureMessaging}.
 */
@Component
public class SmtpGateway implements SmartLifecycle {
    private static final Logger LOG = LoggerFactory.getLogger(SmtpGateway.class);

    private final DmpProperties.Messaging settings;
    private final SecureMessaging messaging;
    private SMTPServer server;

    public SmtpGateway(DmpProperties.Messaging settings, SecureMessaging messaging) {
        this.settings = settings;
        this.messaging = messaging;
    }

    @Override
    public synchronized void start() {
        if (!settings.enabled() || server != null) {
            return;
        }
        DmpProperties.MessagingSmtp smtp = settings.smtp();
        SMTPServer.Builder builder = SMTPServer.port(smtp.port())
                .hostName(smtp.hostName())
                .softwareName("DMP Gateway secure messaging")
                .messageHandlerFactory(context -> new MssMessageHandler(messaging))
                .enableTLS(true)
                .requireTLS(smtp.requireTls())
                .startTlsSocketFactory(sslContext(smtp))
                .maxMessageSize((int) Math.min(Integer.MAX_VALUE, settings.maxMessageSize().toBytes()))
                .maxConnections(smtp.maxConnections())
                .connectionTimeout((int) smtp.connectionTimeout().toMillis(), TimeUnit.MILLISECONDS)
                .serverThreadName("dmp-smtp");
        if (!smtp.bindAddress().isBlank()) {
            try {
                builder.bindAddress(InetAddress.getByName(smtp.bindAddress()));
            } catch (IOException e) {
                throw new IllegalStateException("dmp.messaging.smtp.bind-address " + smtp.bindAddress()
                        + " is not an address of this host", e);
            }
        }
        SMTPServer started = builder.build();
        started.start();
        server = started;
        LOG.info("Secure messaging: SMTP (STARTTLS{}) on port {} for <matricule>@{}",
                smtp.requireTls() ? " required" : "", started.getPortAllocated(), settings.domain());
    }

    @Override
    public synchronized void stop() {
        if (server != null) {
            server.stop();
            server = null;
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return server != null;
    }

    /** The port the server listens on (the one the system chose when {@code dmp.messaging.smtp.port=0}); -1 when stopped. */
    public synchronized int port() {
        return server == null ? -1 : server.getPortAllocated();
    }

    private static SSLContext sslContext(DmpProperties.MessagingSmtp smtp) {
        if (smtp.keyStore().isBlank()) {
            throw new IllegalStateException("dmp.messaging.smtp.key-store is not set: the secure messaging's SMTP "
                    + "server needs its STARTTLS key (a PKCS12 key store, e.g. file:/etc/dmp-gateway/smtp.p12 with "
                    + "dmp.messaging.smtp.key-store-password), or set dmp.messaging.enabled=false");
        }
        Resource resource = new DefaultResourceLoader().getResource(smtp.keyStore());
        char[] password = smtp.keyStorePassword().toCharArray();
        try (InputStream in = resource.getInputStream()) {
            KeyStore store = KeyStore.getInstance(smtp.keyStoreType());
            store.load(in, password);
            KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            keys.init(store, password);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(keys.getKeyManagers(), null, null);
            return context;
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("dmp.messaging.smtp.key-store " + smtp.keyStore()
                    + " cannot be read as a " + smtp.keyStoreType() + " key store with its password: " + e.getMessage(), e);
        }
    }
}
