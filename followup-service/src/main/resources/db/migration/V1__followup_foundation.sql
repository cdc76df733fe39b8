-- Promises made to customers, with every change of their state kept as history.

create table commitment (
    id             uuid primary key,
    case_id        uuid          not null,
    complaint_id   varchar(64)   not null,
    reference      varchar(32)   not null,
    customer_id    varchar(64)   not null,
    customer_name  varchar(200)  not null,
    customer_email varchar(320),
    customer_phone varchar(40),
    what           varchar(2000) not null,
    owner          varchar(200)  not null,
    due_at         timestamptz   not null,
    made_by        varchar(200)  not null,
    made_at        timestamptz   not null,
    status         varchar(20)   not null,
    updated_at     timestamptz   not null,
    version        bigint        not null
);
create index commitment_case_idx on commitment (case_id);
create index commitment_owner_status_idx on commitment (owner, status, due_at);

create table commitment_change (
    id            uuid primary key,
    commitment_id uuid         not null references commitment (id),
    from_status   varchar(20),
    to_status     varchar(20)  not null,
    actor         varchar(200) not null,
    reason        varchar(1000),
    occurred_at   timestamptz  not null
);
create index commitment_change_commitment_idx on commitment_change (commitment_id, occurred_at);

create table processed_event (
    event_id     varchar(100) primary key,
    processed_at timestamptz  not null
);
