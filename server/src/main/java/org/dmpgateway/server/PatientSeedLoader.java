package org.dmpgateway.server;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.beans.factory.annotation.Autowired;
import org.dmpgateway.config.DmpProperties;
import org.dmpgateway.model.ConsentStatus;
import org.dmpgateway.model.PatientRecord;
import org.dmpgateway.model.PatientRecordState;
import org.dmpgateway.model.PatientRef;
import org.dmpgateway.model.PatientSettings;
import org.dmpgateway.model.ProfessionalConsent;
import org.dmpgateway.repository.PatientRecordRepository;
import org.dmpgateway.core.patient.InsValidator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.io.Resource;
import org.springframework.core.io.ResourceLoader;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * Loads patient records from a JSON seed file at start: {@code dmp.patients.seed-file}, a Spring
 * resource location. Each entry is validated (INS key, state); a bad entry stops the start with a
 * message naming it. Records that do not exist yet are created, with the professionals the entry
 * lists ({@code professionals}: id, name, status AUTHORIZED or BLOCKED, adminDoctor, treatingDoctor: médecin traitant DMP, profession and specialty: TRE_G15 / TRE_R01 codes) and, optionally, the
 * patient's {@code birthName} (nom de naissance, TD0.5); existing ones
 * are left as they are (a scenario set up through /admin survives a restart).
 */
@Component
public class PatientSeedLoader implements ApplicationRunner {
    private static final Logger LOG = LoggerFactory.getLogger(PatientSeedLoader.class);

    /** One entry of the seed file. */
    public record SeedPatient(String ins, String oid, String familyName, String givenName, String birthDate,
                              String gender, String state, String email, List<SeedProfessional> professionals,
                              String birthName) {
        public SeedPatient(String ins, String oid, String familyName, String givenName, String birthDate,
                           String gender, String state) {
            this(ins, oid, familyName, givenName, birthDate, gender, state, null, null, null);
        }

        public SeedPatient(String ins, String oid, String familyName, String givenName, String birthDate,
                           String gender, String state, String email, List<SeedProfessional> professionals) {
            this(ins, oid, familyName, givenName, birthDate, gender, state, email, professionals, null);
        }
    }

    /** A professional the patient authorised (or blocked) when the record is created from the seed. */
    public record SeedProfessional(String id, String name, String status, boolean adminDoctor,
                                   boolean treatingDoctor, String profession, String specialty) {
        public SeedProfessional(String id, String name, String status, boolean adminDoctor) {
            this(id, name, status, adminDoctor, false);
        }

        public SeedProfessional(String id, String name, String status, boolean adminDoctor, boolean treatingDoctor) {
            this(id, name, status, adminDoctor, treatingDoctor, null, null);
        }
    }

    private final PatientRecordRepository repository;
    private final ResourceLoader resources;
    private final String location;

    /** With {@code dmp.patients.seed-file} of the configuration tree. */
    @Autowired
    public PatientSeedLoader(PatientRecordRepository repository, ResourceLoader resources,
                             DmpProperties.Patients patients) {
        this(repository, resources, patients.seedFile());
    }

    public PatientSeedLoader(PatientRecordRepository repository, ResourceLoader resources, String location) {
        this.repository = repository;
        this.resources = resources;
        this.location = location;
    }

    @Override
    public void run(ApplicationArguments args) throws IOException {
        if (location == null || location.isBlank()) {
            LOG.info("no patient seed file configured (dmp.patients.seed-file)");
            return;
        }
        Resource resource = resources.getResource(location);
        if (!resource.exists()) {
            throw new IllegalStateException("patient seed file " + location + " does not exist");
        }
        List<SeedPatient> seeds;
        try (InputStream in = resource.getInputStream()) {
            seeds = List.of(new ObjectMapper().readValue(in, SeedPatient[].class));
        }
        List<PatientRecord> records = seeds.stream().map(PatientSeedLoader::toRecord).toList();
        int created = 0;
        for (int i = 0; i < records.size(); i++) {
            PatientRecord record = records.get(i);
            if (repository.findPatient(record.ins()).isEmpty()) {
                List<ProfessionalConsent> consents = consents(seeds.get(i), record);
                repository.savePatient(record);
                consents.forEach(repository::saveConsent);
                created++;
            }
        }
        LOG.info("patient seed {}: {} entries, {} records created, {} already present", location, records.size(),
                created, records.size() - created);
    }

    static List<ProfessionalConsent> consents(SeedPatient seed, PatientRecord record) {
        if (seed.professionals() == null) {
            return List.of();
        }
        Instant now = Instant.now();
        return seed.professionals().stream().map(p -> {
            try {
                return new ProfessionalConsent(record.ins(), p.id(), p.name(),
                        ConsentStatus.valueOf(p.status() == null ? "AUTHORIZED" : p.status()), p.adminDoctor(), now,
                        p.treatingDoctor(), p.profession(), p.specialty());
            } catch (IllegalArgumentException e) {
                throw new IllegalStateException("patient seed entry " + seed.ins() + ", professional " + p.id() + ": "
                        + e.getMessage(), e);
            }
        }).toList();
    }

    static PatientRecord toRecord(SeedPatient seed) {
        String where = "patient seed entry " + seed.ins();
        if (seed.ins() == null || seed.oid() == null) {
            throw new IllegalStateException(where + ": ins and oid are required");
        }
        PatientRef ins = new PatientRef(seed.ins(), seed.oid());
        try {
            InsValidator.check(ins);
        } catch (RuntimeException e) {
            throw new IllegalStateException(where + ": " + e.getMessage(), e);
        }
        PatientRecordState state;
        try {
            state = PatientRecordState.valueOf(seed.state() == null ? "ACTIVATED" : seed.state());
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(where + ": state " + seed.state() + " is not one of "
                    + List.of(PatientRecordState.values()), e);
        }
        LocalDate birth = seed.birthDate() == null ? null : LocalDate.parse(seed.birthDate());
        return new PatientRecord(ins, seed.familyName(), seed.givenName(), birth, seed.gender(), state,
                PatientSettings.DEFAULTS.withEmail(seed.email()), null, null, seed.birthName());
    }
}
