-- A notification is claimed by one instance at a time, and only that claim may settle it. The claim is who took it
-- (claimed_by, an instance id), a token drawn for this claim (claim_token) and when it lapses (claimed_until):
-- a claim that lapsed and was taken by another instance leaves the first one's token stale, so its late
-- "sent" or "failed" changes nothing. available_at is only the retry time from now on.
alter table notification add column claimed_by varchar(100);
alter table notification add column claim_token uuid;
alter table notification add column claimed_until timestamptz;
