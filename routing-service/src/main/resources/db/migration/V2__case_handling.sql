-- Agents work cases: who owns one, when the customer first heard back, how it was resolved.
alter table support_case add column assignee varchar(200);
alter table support_case add column first_responded_at timestamptz;
alter table support_case add column resolved_at timestamptz;
alter table support_case add column resolution text;
alter table support_case add column updated_at timestamptz;
update support_case set updated_at = opened_at;
alter table support_case alter column updated_at set not null;
create index support_case_assignee_idx on support_case (assignee, status);
