-- A year of a large company's cases (a million rows, deploy/benchmark/run.sh million): every queue, filter and order
-- of the inbox, the customer panel, the console and the reports reads an index in the order it pages, so a page costs
-- what it shows rather than the table. Measured before/after in deploy/benchmark/RESULTS.md ("A million cases").

-- The queue API's default order (DUE: first-response deadline, then opening), unfiltered or with an unselective filter.
create index support_case_due_idx on support_case (first_response_due_at, opened_at);

-- NEXT_DUE (the workspace's order and the API's order=NEXT_DUE): the same expression CaseQuery.CaseOrder orders by.
create index support_case_next_due_idx on support_case (
    (case when first_responded_at is null then first_response_due_at
          else coalesce(resolution_due_at, first_response_due_at) end), opened_at);

-- The workspace's default queue is the unresolved cases (a few percent of the table): its page, its count and the
-- console's load per agent read only them.
create index support_case_active_next_due_idx on support_case (
    (case when first_responded_at is null then first_response_due_at
          else coalesce(resolution_due_at, first_response_due_at) end), opened_at)
    where status <> 'RESOLVED';

-- "Mine" and "unassigned" (assignee is null) among the unresolved ones, in the workspace's order.
create index support_case_active_assignee_idx on support_case (assignee,
    (case when first_responded_at is null then first_response_due_at
          else coalesce(resolution_due_at, first_response_due_at) end), opened_at)
    where status <> 'RESOLVED';

-- Overdue (no first response, deadline passed) and the console's cases at risk: only unanswered cases are indexed.
create index support_case_unanswered_due_idx on support_case (first_response_due_at, opened_at)
    where first_responded_at is null;

-- The severity and level filters, in the default order, and their counts.
create index support_case_severity_due_idx on support_case (severity, first_response_due_at, opened_at);
create index support_case_level_due_idx on support_case (level, first_response_due_at, opened_at);

-- The customer panel's past cases (newest first) and the repeat-complaint count: one customer's cases in opening order.
create index support_case_customer_opened_idx on support_case (customer_id, opened_at desc);

-- The console's callbacks owed: only cases with a callback deadline are indexed.
create index support_case_callback_due_idx on support_case (callback_due_at) where callback_due_at is not null;

-- The console's latest live-stream notifications, newest first.
create index notification_channel_created_idx on notification (channel, created_at desc);

-- The response-times report's replies: agents' replies of a period.
create index case_message_kind_time_idx on case_message (kind, received_at);
