-- The service manager's personal callback: one task per case that reached MANAGER_CALLBACK, and every
-- attempt to reach the customer with its outcome.
create table callback_task (
    id             uuid primary key,
    case_id        uuid         not null references support_case (id),
    state          varchar(16)  not null,
    customer_name  varchar(200) not null,
    customer_phone varchar(40),
    summary        text         not null,
    due_at         timestamptz  not null,
    attempts       integer      not null default 0,
    last_outcome   varchar(32),
    commitment_id  uuid,
    created_at     timestamptz  not null,
    updated_at     timestamptz  not null,
    version        bigint       not null
);
-- At most one callback is open per case.
create unique index callback_task_open_idx on callback_task (case_id) where state = 'OPEN';
create index callback_task_due_idx on callback_task (state, due_at);

create table callback_attempt (
    id          uuid primary key,
    task_id     uuid         not null references callback_task (id),
    outcome     varchar(32)  not null,
    note        text,
    recorded_by varchar(200) not null,
    recorded_at timestamptz  not null
);
create index callback_attempt_task_idx on callback_attempt (task_id, recorded_at);
create index callback_attempt_recorded_idx on callback_attempt (recorded_at);
