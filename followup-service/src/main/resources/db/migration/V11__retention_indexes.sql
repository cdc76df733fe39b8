-- RetentionJob deletes finished rows by age in batches; these keep each batch from scanning the whole table.
create index processed_event_processed_at_idx on processed_event (processed_at);
create index outbox_message_published_at_idx on outbox_message (published_at) where published_at is not null;
create index mail_delivery_sent_at_idx on mail_delivery (sent_at) where sent_at is not null;
-- The relay reads each key's unpublished rows in creation order (OutboxRepository).
create index outbox_message_key_order_idx on outbox_message (message_key, created_at, id) where published_at is null;
