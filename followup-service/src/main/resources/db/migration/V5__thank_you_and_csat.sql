-- The thank-you e-mail after a verified fix and the customer's satisfaction rating (CSAT).

-- The thank-you goes through mail_delivery like every other e-mail (written with the verification, retried until
-- sent); this index makes a second thank-you for the same commitment impossible, whatever retries happen upstream.
create unique index mail_delivery_one_thank_you_idx on mail_delivery (commitment_id) where purpose = 'CUSTOMER_THANK_YOU';

-- One rating per commitment (the primary key): the survey link is single-use, and a second link for the same
-- commitment cannot rate it twice either.
create table csat_response (
    commitment_id uuid          primary key references commitment (id),
    score         smallint      not null check (score between 1 and 5),
    comment       varchar(1000),
    responded_at  timestamptz   not null
);
create index csat_response_responded_idx on csat_response (responded_at);
