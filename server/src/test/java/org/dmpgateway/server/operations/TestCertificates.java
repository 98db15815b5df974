package org.dmpgateway.server.operations;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A certificate authority made for one test with the JDK's keytool (no network, nothing kept): a
 * CA, a server certificate for localhost / 127.0.0.1 and client certificates it issued, in PKCS12
 * key stores, and a trust store holding the CA.
 */
final class TestCertificates {
    static final String PASSWORD = "changeit";

    private final Path dir;

    private TestCertificates(Path dir) {
        this.dir = dir;
    }

    /** A CA named {@code caName} in a new folder under {@code parent}. */
    static TestCertificates authority(Path parent, String caName) {
        TestCertificates ca = new TestCertificates(parent.resolve(caName));
        try {
            Files.createDirectories(ca.dir);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        ca.keytool("-genkeypair", "-alias", "ca", "-keyalg", "EC", "-groupname", "secp256r1",
                "-dname", "CN=" + caName + ", O=DMP Gateway tests", "-ext", "bc:c", "-validity", "2",
                "-keystore", ca.file("ca.p12"), "-storetype", "PKCS12", "-storepass", PASSWORD);
        ca.keytool("-exportcert", "-rfc", "-alias", "ca", "-keystore", ca.file("ca.p12"), "-storepass", PASSWORD,
                "-file", ca.file("ca.crt"));
        ca.keytool("-importcert", "-noprompt", "-alias", "ca", "-file", ca.file("ca.crt"),
                "-keystore", ca.file("truststore.p12"), "-storetype", "PKCS12", "-storepass", PASSWORD);
        return ca;
    }

    /** The trust store holding this CA's certificate. */
    Path trustStore() {
        return dir.resolve("truststore.p12");
    }

    /** A key store with a key pair and its certificate chain issued by this CA for localhost. */
    Path server(String name) {
        return issue(name, "serverAuth", "SAN=dns:localhost,ip:127.0.0.1");
    }

    /** A key store with a client key pair and its certificate issued by this CA. */
    Path client(String name) {
        return issue(name, "clientAuth", null);
    }

    private Path issue(String name, String usage, String san) {
        String store = file(name + ".p12");
        keytool("-genkeypair", "-alias", name, "-keyalg", "EC", "-groupname", "secp256r1",
                "-dname", "CN=" + name + ", O=DMP Gateway tests", "-validity", "2",
                "-keystore", store, "-storetype", "PKCS12", "-storepass", PASSWORD);
        keytool("-certreq", "-alias", name, "-keystore", store, "-storepass", PASSWORD, "-file", file(name + ".csr"));
        List<String> gencert = new ArrayList<>(List.of("-gencert", "-rfc", "-alias", "ca", "-keystore", file("ca.p12"),
                "-storepass", PASSWORD, "-infile", file(name + ".csr"), "-outfile", file(name + ".crt"),
                "-validity", "2", "-ext", "EKU=" + usage, "-ext", "KU=digitalSignature"));
        if (san != null) {
            gencert.addAll(List.of("-ext", san));
        }
        keytool(gencert.toArray(String[]::new));
        keytool("-importcert", "-noprompt", "-alias", "ca", "-file", file("ca.crt"),
                "-keystore", store, "-storepass", PASSWORD);
        keytool("-importcert", "-alias", name, "-file", file(name + ".crt"), "-keystore", store, "-storepass", PASSWORD);
        return Path.of(store);
    }

    /** An SSLContext presenting {@code keyStore} (null: no client certificate) and trusting {@code trustStore}. */
    static SSLContext sslContext(Path keyStore, Path trustStore) throws Exception {
        KeyManagerFactory kmf = null;
        if (keyStore != null) {
            kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            kmf.init(load(keyStore), PASSWORD.toCharArray());
        }
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(load(trustStore));
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(kmf == null ? null : kmf.getKeyManagers(), tmf.getTrustManagers(), null);
        return context;
    }

    private static KeyStore load(Path path) throws Exception {
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(path)) {
            store.load(in, PASSWORD.toCharArray());
        }
        return store;
    }

    private String file(String name) {
        return dir.resolve(name).toString();
    }

    private void keytool(String... args) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "keytool").toString());
        command.addAll(List.of(args));
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new IllegalStateException("keytool " + String.join(" ", args) + " failed: " + output);
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot run keytool: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
