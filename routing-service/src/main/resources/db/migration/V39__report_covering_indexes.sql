-- Reports over a period read only an index (measured with a million cases, deploy/benchmark/RESULTS.md): each index
-- holds the period's rows in time order with every column the report reads, and leaves probe cases out as the reports
-- do. A week of cases is then read from a few hundred index pages instead of a heap page per case.

-- The routing report and the console's first-response times: the cases opened in the period, their answers and
-- deadlines (RoutingReportRepository, one pass for the times and the breaches); and the reports page's cases opened per
-- day and category (OpenedPerDay).
create index support_case_opened_report_idx on support_case (opened_at)
    include (severity, channel, received_at, first_responded_at, first_response_due_at, category)
    where not probe;

-- The routing report's escalations: the climbs of the period (the opening steps, one per case, are not counted).
create index escalation_step_report_idx on escalation_step (occurred_at)
    include (to_level, reason_code, case_id)
    where reason_code <> 'OPENED';

-- The response-times report's first responses: the cases answered in the period, and who answered.
create index support_case_first_responded_report_idx on support_case (first_responded_at)
    include (severity, channel, first_responded_by, assignee, received_at)
    where not probe;

-- The reports page's resolution times: the cases resolved in the period, from receipt to resolution, by whom.
create index support_case_resolved_report_idx on support_case (resolved_at)
    include (severity, channel, assignee, received_at)
    where not probe;
