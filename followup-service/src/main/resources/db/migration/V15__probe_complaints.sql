-- Probe complaints (intake's mystery shopper, issue 13 item 6): followed like any complaint, counted in no report.
alter table customer_complaint add column probe boolean not null default false;
