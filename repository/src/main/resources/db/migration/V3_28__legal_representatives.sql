-- Children and legal representatives (issue 15; dmp-rules.md section 1 "Minors", seed 002 "Gérer le
-- profil Mon espace santé de mon enfant"): a minor's profile attached to a representative's account.
-- One row per (child, representative): id is the profile's identifier for that representative (the
-- Patient-Profile header of the patient API). The representative who activated the child's profile
-- has invited_by null and accepted_ms = created_ms; a second representative is invited (invited_by
-- set) and accepted_ms stays null until they accept. Instants are epoch milliseconds (UTC). Plain SQL
-- for both H2 2.x and PostgreSQL 15.
CREATE TABLE legal_representative (
    id                  VARCHAR(36)  NOT NULL PRIMARY KEY,
    child_ins           VARCHAR(64)  NOT NULL,
    child_authority     VARCHAR(64)  NOT NULL,
    rep_ins             VARCHAR(64)  NOT NULL,
    rep_authority       VARCHAR(64)  NOT NULL,
    invited_by_ins      VARCHAR(64),
    invited_by_authority VARCHAR(64),
    created_ms          BIGINT       NOT NULL,
    accepted_ms         BIGINT,
    CONSTRAINT uq_legal_representative UNIQUE (child_ins, child_authority, rep_ins, rep_authority)
);
CREATE INDEX ix_legal_representative_rep ON legal_representative (rep_ins, rep_authority);
