-- Issue 20, TD1.6 (listAuthorizationByPatient: codeSpeciality, libSpeciality): the profession
-- (TRE_G15 code, e.g. 10) and specialty (TRE_R01 / TRE_G05 code, e.g. SM26) of an authorised or blocked
-- professional, as his VIHF declared them at TD0.3 or as the set-up (/admin, seed) gave them; null when unknown.
ALTER TABLE professional_consent ADD COLUMN profession_code VARCHAR(64);
ALTER TABLE professional_consent ADD COLUMN specialty_code VARCHAR(64);
