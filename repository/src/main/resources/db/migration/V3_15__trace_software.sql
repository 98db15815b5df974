-- DMP Gateway internal repository, version 3.15 (issue 21): the caller's software kept with every
-- line of the record's history: its name and version (VIHF LPS_Nom LPS_Version, or the bearer
-- token's software claim), its installation id (VIHF LPS_ID) and its DMP homologation number (VIHF
-- LPS_ID_HOMOLOGATION_DMP). Null for traces written before, for identities that name no software
-- and for changes made through the admin API. Runs unchanged on H2 2.x and PostgreSQL 15.
ALTER TABLE access_trace ADD COLUMN software_name VARCHAR(512);
ALTER TABLE access_trace ADD COLUMN software_id VARCHAR(256);
ALTER TABLE access_trace ADD COLUMN software_homologation VARCHAR(256);
