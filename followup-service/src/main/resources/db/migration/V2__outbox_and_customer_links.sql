-- Events announced with the change that caused them (published by the outbox relay), and the customer links
-- already used, so that each signed link works once. Dispute count and claim time are not stored: they are
-- derived from commitment_change (CommitmentState.fromHistory), the single source of truth.

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

-- The primary key makes "first use" atomic: a second insert of the same nonce does nothing.
create table used_link (
    nonce      varchar(64) primary key,
    used_at    timestamptz not null,
    -- After this the row may be deleted: the expired link is refused by its signature check anyway.
    expires_at timestamptz not null
);
create index used_link_expires_idx on used_link (expires_at);
