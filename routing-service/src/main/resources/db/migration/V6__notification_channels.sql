-- Manager notifications on three channels (e-mail, signed webhook, live stream), to several
-- recipients (service manager, team lead), in their language. A row per channel and recipient
-- keeps its own delivery state; the unique key now includes the recipient, so each recipient
-- still hears of one escalation on one channel exactly once.
alter table notification add column language varchar(8) not null default 'en';
alter table notification add column html_body text;
alter table notification alter column channel type varchar(40);
alter table notification drop constraint notification_case_id_kind_level_channel_key;
alter table notification add constraint notification_once_per_recipient
    unique (case_id, kind, level, channel, recipient);
