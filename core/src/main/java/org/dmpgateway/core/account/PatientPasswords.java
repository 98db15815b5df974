package org.dmpgateway.core.account;

import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * The patient's password, hashed with Spring Security's delegating encoder (bcrypt today, the
 * algorithm named in the stored {@code {id}} prefix, so that a later default can upgrade it).
 */
@Component
public class PatientPasswords {
    private final PasswordEncoder encoder = PasswordEncoderFactories.createDelegatingPasswordEncoder();

    public String hash(String password) {
        return encoder.encode(password);
    }

    public boolean matches(String password, String hash) {
        return password != null && hash != null && encoder.matches(password, hash);
    }
}
