-- A customer message whose delivery failed can be sent again: the new message points back at the failed one
-- (resent_from) and the failed one at its replacement (resent_as), so each failure is resent at most once.
alter table case_message add column resent_from uuid;
alter table case_message add column resent_as uuid;
