-- Issue 13 items 4 and 5: what a complaint was about and how it was handled (for the churn and return reports), the
-- churn watch a churn-intent complaint opens, and the exit interview's reason from the configured list.

-- From complaints.received (classification.category) and cases.updated (category, productId, rootCause, level,
-- callback-scheduled, firstResponseWithinSla). Null/zero while unknown: events from before these fields existed lack them.
alter table customer_complaint add column category varchar(40);
alter table customer_complaint add column product_id varchar(64);
alter table customer_complaint add column root_cause varchar(200);
-- the highest escalation level the case reached (FRONTLINE < TEAM_LEAD < SERVICE_MANAGER < MANAGER_CALLBACK)
alter table customer_complaint add column highest_level varchar(20);
-- how many manager callbacks routing scheduled for the case
alter table customer_complaint add column callbacks integer not null default 0;
alter table customer_complaint add column first_response_within_sla boolean;
create index customer_complaint_received_idx on customer_complaint (received_at);

-- One watch per churn-intent complaint: UNKNOWN until the customer is known to have stayed or left.
create table churn_watch (
    id             uuid primary key,
    complaint_id   varchar(64)   not null unique,
    customer_id    varchar(64)   not null,
    opened_at      timestamptz   not null,
    outcome        varchar(10)   not null check (outcome in ('UNKNOWN', 'STAYED', 'LEFT')),
    decided_at     timestamptz,
    decided_by     varchar(200),
    -- why it was decided: EXPLICIT, CHURN_REPORTED, EXIT_INTERVIEW, QUIET_PERIOD
    decided_because varchar(20),
    note           varchar(1000),
    version        bigint        not null
);
create index churn_watch_customer_idx on churn_watch (customer_id, outcome);
create index churn_watch_opened_idx on churn_watch (opened_at);

alter table exit_interview add column exit_reason varchar(40);
