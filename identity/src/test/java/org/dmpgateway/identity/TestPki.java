package org.dmpgateway.identity;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Test keys and certificates, made at test time with the JDK's {@code keytool} (the JDK has no
 * public API to issue a certificate): RSA 2048, SHA256withRSA, valid two days, in PKCS12 files of
 * a temporary folder. Nothing is committed.
 */
final class TestPki {
    static final String PASSWORD = "test-only";

    /** A private key and its certificate chain (leaf first). */
    record Signer(PrivateKey key, X509Certificate certificate, List<X509Certificate> chain) {
    }

    private final Path dir;

    TestPki(Path dir) {
        this.dir = dir;
    }

    /** A self-signed key pair under {@code alias} in its own keystore {@code alias.p12}. */
    Signer selfSigned(String alias, String dname) throws IOException, GeneralSecurityException {
        Path store = dir.resolve(alias + ".p12");
        genKeyPair(store, alias, dname, false);
        return signer(store, alias);
    }

    /**
     * A certification authority {@code caAlias} and a leaf {@code leafAlias} whose certificate it
     * issued, both in {@code caAlias.p12}.
     */
    Signer issuedBy(String caAlias, String leafAlias, String leafDname) throws IOException, GeneralSecurityException {
        Path store = dir.resolve(caAlias + ".p12");
        genKeyPair(store, caAlias, "CN=" + caAlias + ",O=DMP Gateway tests,C=FR", true);
        genKeyPair(store, leafAlias, leafDname, false);
        Path csr = dir.resolve(leafAlias + ".csr");
        Path cer = dir.resolve(leafAlias + ".cer");
        keytool("-certreq", "-alias", leafAlias, "-file", csr.toString(), "-keystore", store.toString(),
                "-storetype", "PKCS12", "-storepass", PASSWORD);
        keytool("-gencert", "-alias", caAlias, "-infile", csr.toString(), "-outfile", cer.toString(), "-rfc",
                "-validity", "2", "-sigalg", "SHA256withRSA", "-keystore", store.toString(), "-storetype", "PKCS12",
                "-storepass", PASSWORD);
        keytool("-importcert", "-noprompt", "-alias", leafAlias, "-file", cer.toString(), "-keystore", store.toString(),
                "-storetype", "PKCS12", "-storepass", PASSWORD);
        return signer(store, leafAlias);
    }

    /** A PKCS12 trust store file holding only these certificates. */
    Path trustStore(String name, X509Certificate... certificates) throws IOException, GeneralSecurityException {
        KeyStore store = trustStoreOf(certificates);
        Path file = dir.resolve(name + ".p12");
        try (OutputStream out = Files.newOutputStream(file)) {
            store.store(out, PASSWORD.toCharArray());
        }
        return file;
    }

    static KeyStore trustStoreOf(X509Certificate... certificates) throws IOException, GeneralSecurityException {
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        for (int i = 0; i < certificates.length; i++) {
            store.setCertificateEntry("trusted-" + i, certificates[i]);
        }
        return store;
    }

    private static Signer signer(Path store, String alias) throws IOException, GeneralSecurityException {
        KeyStore ks = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(store)) {
            ks.load(in, PASSWORD.toCharArray());
        }
        List<X509Certificate> chain = new ArrayList<>();
        for (var c : ks.getCertificateChain(alias)) {
            chain.add((X509Certificate) c);
        }
        return new Signer((PrivateKey) ks.getKey(alias, PASSWORD.toCharArray()), chain.get(0), List.copyOf(chain));
    }

    private static void genKeyPair(Path store, String alias, String dname, boolean ca) throws IOException {
        List<String> args = new ArrayList<>(List.of("-genkeypair", "-alias", alias, "-dname", dname,
                "-keyalg", "RSA", "-keysize", "2048", "-sigalg", "SHA256withRSA", "-validity", "2",
                "-keystore", store.toString(), "-storetype", "PKCS12", "-storepass", PASSWORD, "-keypass", PASSWORD));
        if (ca) {
            args.addAll(List.of("-ext", "bc:c"));
        }
        keytool(args.toArray(String[]::new));
    }

    private static void keytool(String... args) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "keytool").toString());
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        process.getOutputStream().close(); // no prompt can wait for an answer
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        try {
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IOException("keytool did not finish in 60 s: " + command);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while waiting for keytool", e);
        }
        if (process.exitValue() != 0) {
            throw new IOException("keytool " + args[0] + " failed (" + process.exitValue() + "): " + output);
        }
    }
}
