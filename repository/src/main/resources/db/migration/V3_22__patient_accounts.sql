-- Mon espace santé accounts (issue 15): one row per notified record, beside patient_record.
-- Contact data given by the insurer, the Vitale card serial number, the provisional code (SHA-256,
-- never in clear) with its expiry and wrong-attempt counter, the activation journey in progress
-- (token hash, expiry, step, pending contact change and its one-time code hash), the patient's
-- credentials (identifier, Spring Security password hash) and the closure's date and reason.
-- Instants are epoch milliseconds (UTC). Plain SQL for both H2 2.x and PostgreSQL 15.
CREATE TABLE patient_account (
    ins                 VARCHAR(64)  NOT NULL,
    ins_authority       VARCHAR(64)  NOT NULL,
    email               VARCHAR(320),
    mobile              VARCHAR(32),
    card_serial         VARCHAR(32),
    notified_ms         BIGINT       NOT NULL,
    created_ms          BIGINT,
    activated_ms        BIGINT,
    code_hash           VARCHAR(64),
    code_expires_ms     BIGINT,
    code_failures       INT          DEFAULT 0 NOT NULL,
    code_locked         BOOLEAN      DEFAULT FALSE NOT NULL,
    code_used_ms        BIGINT,
    journey_hash        VARCHAR(64),
    journey_expires_ms  BIGINT,
    journey_step        VARCHAR(32),
    pending_email       VARCHAR(320),
    pending_mobile      VARCHAR(32),
    otp_hash            VARCHAR(140),
    otp_expires_ms      BIGINT,
    otp_failures        INT          DEFAULT 0 NOT NULL,
    login_id            VARCHAR(128),
    password_hash       VARCHAR(256),
    closed_ms           BIGINT,
    close_reason        VARCHAR(500),
    PRIMARY KEY (ins, ins_authority),
    CONSTRAINT uq_patient_account_login UNIQUE (login_id)
);
-- the automatic creation job looks for notified rows whose opposition period ended
CREATE INDEX ix_patient_account_notified ON patient_account (notified_ms);
CREATE INDEX ix_patient_account_journey ON patient_account (journey_hash);

-- The patient's signed-in sessions (bearer tokens, SHA-256 of the token), ended by expiry or closure.
CREATE TABLE patient_session (
    token_hash          VARCHAR(64)  NOT NULL PRIMARY KEY,
    ins                 VARCHAR(64)  NOT NULL,
    ins_authority       VARCHAR(64)  NOT NULL,
    expires_ms          BIGINT       NOT NULL
);
CREATE INDEX ix_patient_session_patient ON patient_session (ins, ins_authority);
