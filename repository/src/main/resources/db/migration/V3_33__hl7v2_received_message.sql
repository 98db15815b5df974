-- HL7v2 messages received over MLLP (issue 18, docs/hl7v2.md "Duplicates"): the acknowledgement given
-- to each (sender, MSH-10 control id), so that a message sent again is answered the same without being
-- stored twice. sender = MSH-3 namespace id + '|' + MSH-4 namespace id. received_ms: epoch milliseconds (UTC).
-- Plain SQL for both H2 2.x and PostgreSQL 15.
CREATE TABLE hl7v2_received_message (
    sender      VARCHAR(400) NOT NULL,
    control_id  VARCHAR(199) NOT NULL,
    answer      VARCHAR(20000) NOT NULL,
    received_ms BIGINT NOT NULL,
    PRIMARY KEY (sender, control_id)
);
