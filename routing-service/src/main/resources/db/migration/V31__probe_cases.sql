-- Probe complaints (issue 13 item 6): handled like any case, kept out of every report but the probe report.
ALTER TABLE support_case ADD COLUMN probe boolean NOT NULL DEFAULT false;
ALTER TABLE support_case ADD COLUMN probe_sent_at timestamptz;
-- The probe report reads probe cases by channel and time; a partial index keeps it off the customers' rows.
CREATE INDEX support_case_probe_received ON support_case (received_at) WHERE probe;
