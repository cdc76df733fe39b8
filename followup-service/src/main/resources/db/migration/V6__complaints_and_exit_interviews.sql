-- What followup learns of a customer's complaints and their cases (from complaints.received and cases.updated),
-- and the exit interviews the retention team holds with customers who left.

create table customer_complaint (
    complaint_id varchar(64)  primary key,
    customer_id  varchar(64)  not null,
    reference    varchar(64)  not null,
    channel      varchar(20)  not null,
    subject      text         not null,
    severity     varchar(10)  not null,
    -- intake judged a CHURN_INTENT signal in it ("cancel", "leave", "עוזב", "לבטל")
    churn_intent boolean      not null,
    received_at  timestamptz  not null,
    -- from cases.updated: the case routing opened for it and its latest status
    case_id      uuid,
    case_status  varchar(30),
    resolved_at  timestamptz
);
create index customer_complaint_customer_idx on customer_complaint (customer_id, received_at);
create index customer_complaint_case_idx on customer_complaint (case_id);

create table exit_interview (
    id           uuid primary key,
    customer_id  varchar(64)   not null,
    trigger      varchar(30)   not null,
    reason       varchar(1000),
    case_id      uuid,
    requested_by varchar(200)  not null,
    state        varchar(20)   not null,
    created_at   timestamptz   not null,
    completed_at timestamptz,
    completed_by varchar(200),
    notes        varchar(4000),
    outcome      varchar(20),
    version      bigint        not null
);
-- One churn, one interview: while a customer's interview is open, reporting the churn again finds it.
create unique index exit_interview_open_customer_idx on exit_interview (customer_id) where state = 'OPEN';
create index exit_interview_state_idx on exit_interview (state, created_at);
