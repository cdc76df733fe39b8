-- A callback the manager could not complete is scheduled again, and each new attempt must reach
-- the manager again: the unique key gains the occurrence (the callback attempt; 1 for everything
-- else), so a retried callback notifies once per attempt and a redelivered event still never twice.
alter table notification add column occurrence integer not null default 1;
alter table notification drop constraint notification_once_per_recipient;
alter table notification add constraint notification_once_per_occurrence
    unique (case_id, kind, level, occurrence, channel, recipient);
