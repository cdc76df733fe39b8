-- What the complaint is about, as intake's classifier said (complaints.received "classification"): the category
-- code (operator-configured in intake, so not a check constraint), the catalogue product and the order numbers.
-- Cases opened before V17, or from events without a classification, have none.
alter table support_case add column category varchar(40);
alter table support_case add column product_id varchar(100);
alter table support_case add column order_numbers text[];
