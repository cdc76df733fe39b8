-- Unanswered cases that are not resolved, in the two orders their lists use (measured with a million cases,
-- deploy/benchmark/RESULTS.md). V34's indexes cover each condition apart, so PostgreSQL combined two bitmaps and sorted
-- the thousands of rows they left, 40-60 ms a page; an index on exactly these cases reads one page.

-- The console's cases at risk: unanswered, unresolved, by first-response deadline (ConsoleQueries.dueBy).
create index support_case_unanswered_active_due_idx on support_case (first_response_due_at)
    where first_responded_at is null and status <> 'RESOLVED';

-- The workspace's overdue filter in the workspace's order (the NEXT_DUE expression exactly as CaseQuery.CaseOrder writes
-- it, which for an unanswered case is its first-response deadline).
create index support_case_unanswered_active_next_due_idx on support_case (
    (case when first_responded_at is null then first_response_due_at
          else coalesce(resolution_due_at, first_response_due_at) end), opened_at)
    where first_responded_at is null and status <> 'RESOLVED';
