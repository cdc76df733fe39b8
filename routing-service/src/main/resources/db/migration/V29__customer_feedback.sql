-- What follow-up learnt from and about a customer (customers.feedback): satisfaction answers, exit interviews, the
-- churn watch and its outcome, and the customer's value tier. One row per event (its ce_id), so a redelivery adds
-- nothing; the customer panel beside a case reads it, and so opens when follow-up is down.
create table customer_feedback (
    event_id      varchar(200) primary key,
    customer_id   varchar(200) not null,
    kind          varchar(40)  not null,
    case_id       uuid,
    reference     varchar(100),
    score         integer,
    comment       varchar(4000),
    churn_outcome varchar(16),
    exit_outcome  varchar(16),
    exit_reason   varchar(2000),
    value_tier    varchar(100),
    occurred_at   timestamptz  not null,
    received_at   timestamptz  not null
);
create index customer_feedback_customer_idx on customer_feedback (customer_id, occurred_at desc);
