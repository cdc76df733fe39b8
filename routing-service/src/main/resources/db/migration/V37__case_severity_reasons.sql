-- The reasons intake gave for a case's severity, as given (signal, implied severity, evidence), so pages can show them
-- in the reader's language; a JSON array. Null for cases opened before: their pages show the recorded sentence.
alter table support_case add column severity_reasons text;
