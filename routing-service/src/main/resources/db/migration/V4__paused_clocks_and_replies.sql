-- Clocks that pause while the case waits on the customer, the customer's further messages, the
-- unanswered-reply timer, stored resolution deadlines, and a reason code on every ladder step.

-- Set while the case waits on the customer: every deadline stands still from this instant.
alter table support_case add column waiting_since timestamptz;
-- The resolution target, counted like the first response (null for cases opened before V4).
alter table support_case add column resolution_due_at timestamptz;
-- When a customer's further message must have been answered; the escalation job fires it once.
alter table support_case add column reply_due_at timestamptz;
create index support_case_reply_due_idx on support_case (reply_due_at) where reply_due_at is not null;

-- The conversation after the complaint: the customer's further messages and the agents' answers.
create table case_message (
    id          uuid primary key,
    case_id     uuid         not null references support_case (id),
    -- Intake's id of a customer's message; null for an agent's answer.
    message_id  varchar(100) unique,
    author      varchar(16)  not null,
    channel     varchar(20)  not null,
    body        text         not null,
    written_by  varchar(200),
    received_at timestamptz  not null
);
create index case_message_case_idx on case_message (case_id, received_at);

-- Why a case moved, as a code that reports can count (the words stay in reason).
alter table escalation_step add column reason_code varchar(40);
update escalation_step set reason_code = case
    when from_level is null then 'OPENED'
    when reason like 'first response%' then 'FIRST_RESPONSE_MISSED'
    else 'PROMISE_NOT_KEPT' end;
alter table escalation_step alter column reason_code set not null;
create index escalation_step_occurred_idx on escalation_step (occurred_at);
create index support_case_opened_idx on support_case (opened_at);
