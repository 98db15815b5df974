package org.dmpgateway.identity;

import org.dmpgateway.config.DmpProperties;
import org.springframework.core.io.Resource;
import org.springframework.core.io.ResourceLoader;

import java.io.IOException;
import java.io.InputStream;
import java.security.GeneralSecurityException;
import java.security.KeyStore;

/**
 * Loads the VIHF trust store of the {@code dmp.vihf.*} settings. A setting that cannot work stops the start
 * with a message naming the {@code dmp.vihf.*} property to fix.
 */
final class VihfTrustStore {
    private VihfTrustStore() {
    }

    /** The trust store, or null when none is set and signatures are not required. */
    static KeyStore load(DmpProperties.Vihf settings, ResourceLoader resources) {
        String location = settings.trustStore() == null ? "" : settings.trustStore().trim();
        if (location.isBlank()) {
            if (settings.requireSignature()) {
                throw new IllegalStateException(missing());
            }
            return null;
        }
        Resource resource = resources.getResource(location);
        if (!resource.exists()) {
            throw new IllegalStateException("the VIHF trust store dmp.vihf.trust-store=" + location + " does not exist");
        }
        try (InputStream in = resource.getInputStream()) {
            KeyStore store = KeyStore.getInstance(settings.trustStoreType());
            store.load(in, settings.trustStorePassword() == null ? new char[0]
                    : settings.trustStorePassword().toCharArray());
            return store;
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("the VIHF trust store " + location + " (type " + settings.trustStoreType()
                    + ") cannot be loaded, check dmp.vihf.trust-store-password and -type: " + e.getMessage(), e);
        }
    }

    static String missing() {
        return "dmp.vihf.require-signature is true but no dmp.vihf.trust-store is configured: set it to a keystore"
                + " (PKCS12 by default, e.g. file:/etc/dmp-gateway/vihf-trust.p12) holding the certificates allowed"
                + " to sign VIHF assertions or their issuers, or set dmp.vihf.require-signature=false (sandbox only)";
    }
}
