-- The language intake detected in each complaint (complaints.received "language": ISO 639-1 such as he, en, ar, ru,
-- or und when undetermined), so that follow-up writes to the customer in it rather than guessing from Hebrew
-- letters. Null for complaints filed before this column existed. Looked up by complaint (the primary key) or by
-- customer (customer_complaint_customer_idx).
alter table customer_complaint add column language varchar(3);
