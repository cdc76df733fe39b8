-- The files the customer attached (name, type, size, SHA-256; never the content), as a JSON array: on the case for
-- the complaint itself, on case_message for a further message. Null for rows written before: they had none recorded.
alter table support_case add column attachments text;
alter table case_message add column attachments text;
