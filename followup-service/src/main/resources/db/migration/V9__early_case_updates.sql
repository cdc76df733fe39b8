-- The latest cases.updated of a complaint followup has not heard of yet (the two topics are read independently, so a
-- case can be resolved before its complaint arrives): applied, and deleted, when the complaint arrives.
create table early_case_update (
    complaint_id varchar(64)  primary key,
    case_id      uuid         not null,
    customer_id  varchar(64)  not null,
    case_status  varchar(30)  not null,
    resolved     boolean      not null,
    assignee     varchar(200),
    occurred_at  timestamptz  not null,
    received_at  timestamptz  not null
);
