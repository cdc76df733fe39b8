-- Who holds each e-mail's claim: a relay sends an e-mail, and records its outcome, only while the claim is still its
-- own. A claim can lapse while a slow batch is being sent; another instance then claims the e-mail anew.
alter table mail_delivery add column claimed_by varchar(200);
alter table mail_delivery add column claim_token uuid;
