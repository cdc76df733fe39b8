-- Routing's read model of the promises made on its cases: written with commitments.made (routing makes every promise)
-- and moved by follow-up's commitments.updated. state_at is the time of the change the row shows, so a change that
-- arrives late (out of order) never overwrites a newer one and a redelivered one changes nothing.
create table case_promise (
    commitment_id uuid primary key,
    case_id       uuid         not null,
    customer_id   varchar(200) not null,
    what          varchar(2000),
    owner         varchar(200),
    due_at        timestamptz,
    made_by       varchar(200),
    made_at       timestamptz,
    state         varchar(32)  not null,
    state_at      timestamptz  not null,
    updated_at    timestamptz  not null
);
create index case_promise_case_idx on case_promise (case_id, due_at);
create index case_promise_customer_idx on case_promise (customer_id, made_at desc);
