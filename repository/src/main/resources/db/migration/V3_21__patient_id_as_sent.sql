-- DMP Gateway internal repository, version 3.21 (issue 21): the patientId CX exactly as an XDS
-- request wrote it, in the DMP's convention (CI-SIS: the INS with its identifier type code NH and,
-- when sent, its effective date, e.g. 207058575627097^^^&1.2.250.1.213.1.4.10&ISO^NH^^20100907, as
-- in the official example messages TD2.1 and TD3.1), so that XDS answers give it back as it came.
-- patient_id / patient_authority stay the identifier searched and compared. Null for objects
-- submitted over FHIR or stored before. Runs unchanged on H2 2.x and PostgreSQL 15.
ALTER TABLE document_entry ADD COLUMN patient_id_as_sent VARCHAR(512);
ALTER TABLE submission_set ADD COLUMN patient_id_as_sent VARCHAR(512);
ALTER TABLE folder ADD COLUMN patient_id_as_sent VARCHAR(512);
