package org.dmpgateway.server.support;

import java.io.IOException;
import java.io.InputStream;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;

/** The test keys of src/test/resources/vihf (see the README there): a key and its certificate. */
public record TestKeys(PrivateKey key, X509Certificate certificate) {
    public static final String PASSWORD = "test-only";
    /** The server's trust store for signed-VIHF tests: trusts {@link #structure()} only. */
    public static final String TRUST_STORE = "classpath:vihf/vihf-trust.p12";

    /** The structure's key: its certificate is in {@link #TRUST_STORE}. */
    public static TestKeys structure() {
        return load("/vihf/vihf-signer.p12", "structure");
    }

    /** A key whose certificate is not trusted (same subject name as the structure's). */
    public static TestKeys intruder() {
        return load("/vihf/vihf-intruder.p12", "intruder");
    }

    private static TestKeys load(String resource, String alias) {
        try (InputStream in = TestKeys.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("no test keystore " + resource);
            }
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(in, PASSWORD.toCharArray());
            return new TestKeys((PrivateKey) store.getKey(alias, PASSWORD.toCharArray()),
                    (X509Certificate) store.getCertificate(alias));
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("cannot load the test keystore " + resource, e);
        }
    }
}
