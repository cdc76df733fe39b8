-- The dispatcher's scheduled pass claims a severe case's alert ahead of any other due notification
-- (NotificationRepository.DUE orders by this expression, then age): this index serves that order.
create index notification_due_severe_first_idx
    on notification ((case when kind = 'SEVERE_CASE_OPENED' then 0 else 1 end), created_at)
    where state = 'PENDING';
