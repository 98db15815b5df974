-- Issue 20: the "médecin traitant DMP" role of an authorised professional (TD0.3 setAuthorization with
-- role MEDECIN_TRAITANT, reported by TD0.2's STATUT_MT attention line), and when and why a record was
-- closed (TD0.2 / TD1.4: registrationEvent effectiveTime and detectedIssueEvent code; FHIR dmp-fermeture).
ALTER TABLE professional_consent ADD COLUMN treating_doctor BOOLEAN DEFAULT FALSE NOT NULL;
-- epoch milliseconds, like professional_consent.since_ms; null when the record is not closed or the date is unknown
ALTER TABLE patient_record ADD COLUMN closed_at_ms BIGINT;
-- a code of the DMP's closure reasons (1.2.250.1.213.4.1.2.4), e.g. FERMETURE_DEMANDE_PATIENT
ALTER TABLE patient_record ADD COLUMN closure_reason VARCHAR(64);
