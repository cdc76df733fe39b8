-- The console's reports page reads promises by the week they fall due and customer feedback by the week it happened.
create index case_promise_due_idx on case_promise (due_at);
create index customer_feedback_occurred_idx on customer_feedback (occurred_at);
