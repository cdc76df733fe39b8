-- Who gave the first response (the agent whose reply was sent first, or who answered by phone), so response-time
-- reports credit them rather than whoever holds the case later. Cases answered before V15 credit their assignee.
alter table support_case add column first_responded_by varchar(200);
update support_case set first_responded_by = assignee where first_responded_at is not null;
