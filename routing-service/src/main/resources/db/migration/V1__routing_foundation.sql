-- Cases opened from complaints, their escalation history, and the durable queues that make
-- event publication and manager notifications part of the same transaction as the change.

create table support_case (
    id                    uuid primary key,
    complaint_id          varchar(64)  not null unique,
    reference             varchar(32)  not null,
    customer_id           varchar(64)  not null,
    customer_name         varchar(200) not null,
    customer_email        varchar(320),
    customer_phone        varchar(40),
    channel               varchar(20)  not null,
    subject               varchar(300) not null,
    summary               text         not null,
    severity              varchar(16)  not null,
    level                 varchar(32)  not null,
    status                varchar(32)  not null,
    received_at           timestamptz  not null,
    opened_at             timestamptz  not null,
    first_response_due_at timestamptz  not null,
    version               bigint       not null
);
create index support_case_queue_idx on support_case (status, level, first_response_due_at);
create index support_case_customer_idx on support_case (customer_id);

create table escalation_step (
    id          uuid primary key,
    case_id     uuid         not null references support_case (id),
    from_level  varchar(32),
    to_level    varchar(32)  not null,
    reason      varchar(500) not null,
    occurred_at timestamptz  not null
);
create index escalation_step_case_idx on escalation_step (case_id, occurred_at);

create table outbox_message (
    id           uuid primary key,
    topic        varchar(100) not null,
    message_key  varchar(100) not null,
    type         varchar(100) not null,
    payload      text         not null,
    created_at   timestamptz  not null,
    available_at timestamptz  not null,
    attempts     integer      not null default 0,
    published_at timestamptz
);
create index outbox_message_due_idx on outbox_message (available_at) where published_at is null;

create table notification (
    id           uuid primary key,
    case_id      uuid          not null references support_case (id),
    kind         varchar(40)   not null,
    level        varchar(32)   not null,
    channel      varchar(20)   not null,
    recipient    varchar(320)  not null,
    subject      varchar(500)  not null,
    body         text          not null,
    state        varchar(16)   not null,
    attempts     integer       not null default 0,
    created_at   timestamptz   not null,
    available_at timestamptz   not null,
    sent_at      timestamptz,
    last_error   varchar(1000),
    -- One alert per case, reason, rung and channel: a redelivered event cannot alert twice.
    unique (case_id, kind, level, channel)
);
create index notification_due_idx on notification (available_at) where state = 'PENDING';

create table processed_event (
    event_id     varchar(100) primary key,
    processed_at timestamptz  not null
);
