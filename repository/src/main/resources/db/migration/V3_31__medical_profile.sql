-- The patient's medical profile (issue 16, docs/medical-profile.md): one row per entry, the entry
-- itself a FHIR R4 resource as JSON text (Condition, MedicationStatement, AllergyIntolerance,
-- Immunization, Procedure, Observation, RelatedPerson, Consent), written and read with HAPI FHIR by
-- module mappings; the columns beside it are what the core selects on. Instants are epoch
-- milliseconds (UTC). Plain SQL for both H2 2.x and PostgreSQL 15.
CREATE TABLE profile_resource (
    id              VARCHAR(64)     NOT NULL,
    ins             VARCHAR(64)     NOT NULL,
    ins_authority   VARCHAR(64)     NOT NULL,
    resource_type   VARCHAR(40)     NOT NULL,
    section         VARCHAR(20)     NOT NULL,
    resource_json   VARCHAR(100000) NOT NULL,
    author          VARCHAR(128)    NOT NULL,
    recorded_ms     BIGINT          NOT NULL,
    PRIMARY KEY (id)
);
CREATE INDEX ix_profile_resource_patient ON profile_resource (ins, ins_authority, section);
