-- The e-mails that carried a secret code (provisional code, one-time code) keep it in the outbox only until
-- they are sent or parked; then the core replaces the body (docs/security.md, "Secrets in the outbox").
-- This erases the bodies of such messages sent or parked before that rule. Plain SQL for H2 and PostgreSQL.
UPDATE notification_outbox
   SET body = 'Le texte de ce message, qui portait un code secret, a été effacé de la file d''envoi une fois le message remis au serveur de messagerie (ou abandonné).'
 WHERE kind IN ('PROVISIONAL_CODE', 'ONE_TIME_CODE') AND status IN ('SENT', 'PARKED');
