-- The retention pass finds old rows by age; these indexes keep it from scanning tables that only grow.
create index processed_event_age_idx on processed_event (processed_at);
create index outbox_message_published_idx on outbox_message (published_at) where published_at is not null;
create index notification_sent_idx on notification (sent_at) where state = 'SENT';
