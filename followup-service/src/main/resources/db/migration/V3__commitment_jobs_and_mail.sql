-- What time does to commitments (reminders, overdue, broken, unconfirmed) and the e-mails it and the claims send.

-- When the customer got the second request for the current claim; each new claim clears it. The claim time itself
-- stays derived from commitment_change (CommitmentState.fromHistory).
alter table commitment add column customer_reminded_at timestamptz;
-- The jobs look for commitments by status and due date (commitment_owner_status_idx leads with owner).
create index commitment_status_due_idx on commitment (status, due_at);

-- Every e-mail the service sends about a commitment (to its customer, its owner or the service manager), written in
-- the transaction of the change that causes it and sent by MailRelay, which claims rows with FOR UPDATE SKIP LOCKED.
-- A failed send is retried with growing pauses until max-attempts, then abandoned (abandoned_at, last_error).
create table mail_delivery (
    id            uuid primary key,
    commitment_id uuid          not null references commitment (id),
    purpose       varchar(40)   not null,
    recipient     varchar(320)  not null,
    subject       varchar(300)  not null,
    body          text          not null,
    created_at    timestamptz   not null,
    available_at  timestamptz   not null,
    attempts      integer       not null default 0,
    last_error    varchar(500),
    sent_at       timestamptz,
    abandoned_at  timestamptz
);
create index mail_delivery_due_idx on mail_delivery (available_at) where sent_at is null and abandoned_at is null;
create index mail_delivery_commitment_idx on mail_delivery (commitment_id);

-- The two links sent to the customer for one claim: sent again in the reminder, and revoked (marked used in
-- used_link) when the commitment is reopened, so that they cannot answer a later claim.
create table customer_request (
    id            uuid primary key,
    commitment_id uuid         not null references commitment (id),
    claimed_at    timestamptz  not null,
    confirm_url   varchar(600) not null,
    deny_url      varchar(600) not null,
    confirm_nonce varchar(64)  not null,
    deny_nonce    varchar(64)  not null,
    expires_at    timestamptz  not null
);
create index customer_request_commitment_idx on customer_request (commitment_id, claimed_at);
