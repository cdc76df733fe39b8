-- The resolution timer: a case not resolved by its resolution deadline climbs one rung, once. Like the
-- first-response timer it lives on the case, so any routing instance may fire it: the one that claims the
-- row (FOR UPDATE SKIP LOCKED) escalates it and clears the timer in the same transaction. It stands on
-- resolution_due_at while armed (moving with it when a wait on the customer ends) and is cleared when it
-- fires or the case is resolved.
alter table support_case add column resolution_escalation_due_at timestamptz;

-- Unresolved cases opened before this migration are armed on the deadline they already have, so those
-- already overdue climb at the first check (as V3 did for missed first responses).
update support_case set resolution_escalation_due_at = resolution_due_at
where resolution_due_at is not null and status <> 'RESOLVED';

create index support_case_resolution_escalation_due_idx on support_case (resolution_escalation_due_at)
    where resolution_escalation_due_at is not null;
