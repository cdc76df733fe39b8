-- After V34 (measured with a million cases, deploy/benchmark/RESULTS.md): the counts beside a filtered page of the
-- workspace's unresolved queue (channel, level, severity, overdue) read only the unresolved cases, from the index alone.
create index support_case_active_filters_idx on support_case (channel, level, severity)
    include (first_responded_at, first_response_due_at, assignee)
    where status <> 'RESOLVED';

-- The queue API's unassigned=true over every status, in the default order: only cases nobody holds are indexed.
create index support_case_unassigned_due_idx on support_case (first_response_due_at, opened_at)
    where assignee is null;
