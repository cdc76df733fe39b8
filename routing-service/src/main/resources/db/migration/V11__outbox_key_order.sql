-- The relay publishes each key's rows in creation order and looks for the oldest unpublished row of every key
-- ("no earlier unpublished row of the same key"): this index answers that per key instead of scanning.
create index outbox_message_key_order_idx on outbox_message (message_key, created_at, id) where published_at is null;
