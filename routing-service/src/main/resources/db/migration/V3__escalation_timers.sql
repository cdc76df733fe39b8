-- Durable escalation timers. A timer lives on its case rather than in memory, so it survives
-- restarts and any routing instance may fire it: the one that claims the row (FOR UPDATE SKIP
-- LOCKED) escalates it and moves or clears the timer in the same transaction, once per breach.
alter table support_case add column escalation_due_at timestamptz;
-- When the service manager has promised to call the customer back (set on reaching MANAGER_CALLBACK).
alter table support_case add column callback_due_at timestamptz;

-- Cases opened before this migration still wait for a first response: their timer runs from
-- the deadline they already have, so overdue ones are escalated at the first check.
update support_case set escalation_due_at = first_response_due_at
where first_responded_at is null and status <> 'RESOLVED';

-- Only running timers are indexed: the job looks for the earliest due ones every second.
create index support_case_escalation_due_idx on support_case (escalation_due_at)
    where escalation_due_at is not null;
