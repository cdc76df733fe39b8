-- Follow-up's mails to customers go through intake, the channel gateway (customer.messages.requested), instead of
-- follow-up's own SMTP relay. Each request is kept here with what intake reported about it (customer.messages.status).
create table customer_message (
    message_id          varchar(200) primary key,
    commitment_id       uuid         references commitment (id),
    case_id             uuid,
    complaint_id        varchar(100) not null,
    customer_id         varchar(100) not null,
    reference           varchar(64)  not null,
    kind                varchar(40)  not null,
    language            varchar(8)   not null,
    subject             varchar(300),
    requested_at        timestamptz  not null,
    status              varchar(20)  not null,
    channel             varchar(20),
    reason              varchar(1000),
    provider_message_id varchar(300),
    attempts            integer,
    status_at           timestamptz
);
create index customer_message_commitment_idx on customer_message (commitment_id, requested_at);
create index customer_message_requested_at_idx on customer_message (requested_at);

-- The customer's name as intake knows it, for the survey sent when the case closes (no promise may name them).
alter table customer_complaint add column customer_name varchar(200);

-- One satisfaction survey per case, sent when routing resolves it; rated once (the primary key).
create table case_csat_response (
    case_id       uuid          primary key,
    complaint_id  varchar(100)  not null,
    score         smallint      not null check (score between 1 and 5),
    comment       varchar(1000),
    responded_at  timestamptz   not null
);
create index case_csat_response_responded_idx on case_csat_response (responded_at);

-- The customer e-mails follow-up no longer sends itself. Their rows are history only (and mail_delivery is purged
-- after its retention age anyway); unsent ones would go out through a path that no longer exists.
drop index mail_delivery_one_thank_you_idx;
delete from mail_delivery where purpose in ('CUSTOMER_REQUEST', 'CUSTOMER_REMINDER', 'CUSTOMER_THANK_YOU');
