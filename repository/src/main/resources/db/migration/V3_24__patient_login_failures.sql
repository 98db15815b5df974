-- Wrong passwords at the patient's login (issue 15): counted on the account; after
-- dmp.accounts.login.max-failures of them in a row the login is locked until login_locked_until_ms
-- (dmp.accounts.login.lock-duration later), then counted again from zero. A successful login resets
-- the count. Instants are epoch milliseconds (UTC). Plain SQL for both H2 2.x and PostgreSQL 15.
ALTER TABLE patient_account ADD COLUMN login_failures INT DEFAULT 0 NOT NULL;
ALTER TABLE patient_account ADD COLUMN login_locked_until_ms BIGINT;
