package org.dmpgateway.config;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Binds {@link DmpProperties} once and offers each node as a bean, so that a class asks for the
 * settings it uses ({@code DmpProperties.Limits}, {@code DmpProperties.Xds}, ...) and nothing else.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(DmpProperties.class)
public class DmpPropertiesConfiguration {
    @Bean
    public DmpProperties.Limits dmpLimits(DmpProperties dmp) {
        return dmp.limits();
    }

    @Bean
    public DmpProperties.Content dmpContent(DmpProperties dmp) {
        return dmp.content();
    }

    @Bean
    public DmpProperties.Vihf dmpVihf(DmpProperties dmp) {
        return dmp.vihf();
    }

    @Bean
    public DmpProperties.Token dmpFhirToken(DmpProperties dmp) {
        return dmp.fhir().token();
    }

    @Bean
    public DmpProperties.Habilitation dmpHabilitation(DmpProperties dmp) {
        return dmp.habilitation();
    }

    @Bean
    public DmpProperties.Policy dmpPolicy(DmpProperties dmp) {
        return dmp.policy();
    }

    @Bean
    public DmpProperties.Patients dmpPatients(DmpProperties dmp) {
        return dmp.patients();
    }

    @Bean
    public DmpProperties.Xds dmpXds(DmpProperties dmp) {
        return dmp.xds();
    }

    @Bean
    public DmpProperties.Admin dmpAdmin(DmpProperties dmp) {
        return dmp.admin();
    }

    @Bean
    public DmpProperties.Management dmpManagement(DmpProperties dmp) {
        return dmp.management();
    }

    @Bean
    public DmpProperties.Accounts dmpAccounts(DmpProperties dmp) {
        return dmp.accounts();
    }

    @Bean
    public DmpProperties.Login dmpAccountsLogin(DmpProperties dmp) {
        return dmp.accounts().login();
    }

    @Bean
    public DmpProperties.Uploads dmpAccountsUploads(DmpProperties dmp) {
        return dmp.accounts().uploads();
    }

    @Bean
    public DmpProperties.Notifications dmpNotifications(DmpProperties dmp) {
        return dmp.notifications();
    }

    @Bean
    public DmpProperties.Messaging dmpMessaging(DmpProperties dmp) {
        return dmp.messaging();
    }

    @Bean
    public DmpProperties.Sms dmpSms(DmpProperties dmp) {
        return dmp.sms();
    }

    @Bean
    public DmpProperties.Hl7v2 dmpHl7v2(DmpProperties dmp) {
        return dmp.hl7v2();
    }
}
