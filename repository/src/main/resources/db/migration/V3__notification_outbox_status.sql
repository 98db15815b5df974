-- Bounded notification retries (dmp.notifications.max-attempts): a message whose sending failed that
-- many times is parked: never tried again, reported once in the log (docs/architecture.md, "Patient
-- notifications"). status: PENDING (to send, or to retry at next_attempt_ms), SENT (sent_ms set),
-- PARKED (parked_ms set, last_error the last failure). Plain SQL for both H2 and PostgreSQL.
ALTER TABLE notification_outbox ADD COLUMN status VARCHAR(16) DEFAULT 'PENDING' NOT NULL;
ALTER TABLE notification_outbox ADD COLUMN parked_ms BIGINT;
UPDATE notification_outbox SET status = 'SENT' WHERE sent_ms IS NOT NULL;
CREATE INDEX ix_notification_status ON notification_outbox (status, next_attempt_ms);
