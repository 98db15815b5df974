-- DMP Gateway internal repository, version 2.1: one row that /actuator/health updates and commits,
-- so that the health check goes through the database's real write path (a database that answers
-- "SELECT 1" but can no longer store anything is DOWN). Runs unchanged on H2 2.x and PostgreSQL 15.

CREATE TABLE health_check (
    id            INTEGER NOT NULL PRIMARY KEY,
    checked_at_ms BIGINT  NOT NULL
);
INSERT INTO health_check (id, checked_at_ms) VALUES (1, 0);
