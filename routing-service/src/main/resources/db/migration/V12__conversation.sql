-- The conversation with the customer through intake's gateway: every message on a case has a direction and a
-- kind, outbound ones their delivery status as intake reports it; the case keeps the complaint's language
-- (the customer's texts are written in it) and counts its resolutions (one thank-you per resolution).

alter table support_case add column language varchar(8) not null default 'he';
alter table support_case add column resolutions integer not null default 0;
update support_case set resolutions = 1 where resolved_at is not null;

-- INBOUND (the customer), OUTBOUND (to the customer) or INTERNAL (a note, never sent).
alter table case_message add column direction varchar(10);
-- CUSTOMER_MESSAGE, AGENT_REPLY, NOTE, PHONE_RESPONSE, EXPECTATION_SUMMARY, CALLBACK_SUMMARY, THANK_YOU.
alter table case_message add column kind varchar(32);
-- Agents' answers stored before V12 were never sent: they keep no delivery status.
update case_message set direction = case when author = 'CUSTOMER' then 'INBOUND' else 'OUTBOUND' end,
                        kind = case when author = 'CUSTOMER' then 'CUSTOMER_MESSAGE' else 'AGENT_REPLY' end;
alter table case_message alter column direction set not null;
alter table case_message alter column kind set not null;
-- Composed by the system rather than written by a person.
alter table case_message add column automatic boolean not null default false;
-- REQUESTED, SENT, DELIVERED or FAILED for a message routing asked intake to deliver; null otherwise.
alter table case_message add column delivery_status varchar(16);
alter table case_message add column delivery_reason text;
alter table case_message add column provider_message_id varchar(500);
alter table case_message add column delivery_updated_at timestamptz;
-- Outbound message ids (routing:thank-you:<case>:<n>) are longer than intake's.
alter table case_message alter column message_id type varchar(200);
alter table case_message alter column channel type varchar(40);
