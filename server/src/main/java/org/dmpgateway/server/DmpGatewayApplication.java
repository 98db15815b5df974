package org.dmpgateway.server;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.autoconfigure.security.servlet.SecurityAutoConfiguration;
import org.springframework.boot.autoconfigure.security.servlet.SecurityFilterAutoConfiguration;
import org.springframework.boot.autoconfigure.security.servlet.UserDetailsServiceAutoConfiguration;

/**
 * The gateway. Spring Security guards the patient API only (patient-portal's {@code PatientSecurity},
 * registered for /patient/* by {@code PatientApiSecurityRegistration}): Spring Boot's security
 * auto-configuration, which would put it in front of every endpoint and add a generated user, is
 * excluded.
 */
@SpringBootApplication(scanBasePackages = "org.dmpgateway", exclude = {SecurityAutoConfiguration.class,
        SecurityFilterAutoConfiguration.class, UserDetailsServiceAutoConfiguration.class})
public class DmpGatewayApplication {
    public static void main(String[] args) {
        SpringApplication.run(DmpGatewayApplication.class, args);
    }
}
