package org.dmpgateway.server;

import org.dmpgateway.model.ReceivedMessages;
import org.dmpgateway.repository.AccessTrailRepository;
import org.dmpgateway.repository.JdbcAccessTrailRepository;
import org.dmpgateway.repository.JdbcLegalRepresentativeRepository;
import org.dmpgateway.repository.JdbcMessagingRepository;
import org.dmpgateway.repository.JdbcNotificationOutbox;
import org.dmpgateway.repository.JdbcPatientAccountRepository;
import org.dmpgateway.repository.JdbcPatientRecordRepository;
import org.dmpgateway.repository.JdbcProfileRepository;
import org.dmpgateway.repository.JdbcReceivedMessages;
import org.dmpgateway.repository.JdbcRegistryRepository;
import org.dmpgateway.repository.LegalRepresentativeRepository;
import org.dmpgateway.repository.MessagingRepository;
import org.dmpgateway.repository.NotificationOutbox;
import org.dmpgateway.repository.PatientAccountRepository;
import org.dmpgateway.repository.PatientRecordRepository;
import org.dmpgateway.repository.ProfileRepository;
import org.dmpgateway.repository.RegistryRepository;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;

import javax.sql.DataSource;

/** Wires the internal repository on the configured database (H2 file by default, PostgreSQL in production). */
@Configuration
public class RepositoryConfiguration {

    @Bean
    public RegistryRepository registryRepository(DataSource dataSource, PlatformTransactionManager transactionManager) {
        return new JdbcRegistryRepository(dataSource, transactionManager);
    }

    @Bean
    public PatientRecordRepository patientRecordRepository(DataSource dataSource,
                                                           PlatformTransactionManager transactionManager) {
        return new JdbcPatientRecordRepository(dataSource, transactionManager);
    }

    @Bean
    public AccessTrailRepository accessTrailRepository(DataSource dataSource) {
        return new JdbcAccessTrailRepository(dataSource);
    }

    @Bean
    public NotificationOutbox notificationOutbox(DataSource dataSource) {
        return new JdbcNotificationOutbox(dataSource);
    }

    @Bean
    public MessagingRepository messagingRepository(DataSource dataSource) {
        return new JdbcMessagingRepository(dataSource);
    }

    @Bean
    public PatientAccountRepository patientAccountRepository(DataSource dataSource) {
        return new JdbcPatientAccountRepository(dataSource);
    }

    @Bean
    public ProfileRepository profileRepository(DataSource dataSource) {
        return new JdbcProfileRepository(dataSource);
    }

    @Bean
    public LegalRepresentativeRepository legalRepresentativeRepository(DataSource dataSource) {
        return new JdbcLegalRepresentativeRepository(dataSource);
    }

    @Bean
    public ReceivedMessages receivedMessages(DataSource dataSource) {
        return new JdbcReceivedMessages(dataSource);
    }
}
