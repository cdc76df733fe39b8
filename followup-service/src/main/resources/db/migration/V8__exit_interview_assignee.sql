-- Who holds each exit interview: only they (or a manager or admin) may complete it. A reported churn is held by
-- whoever reported it; a closed churn-intent case by the case's last assignee; null means nobody yet, and then only
-- a manager or admin may complete it.
alter table exit_interview add column assignee varchar(200);
update exit_interview set assignee = requested_by where trigger = 'REPORTED';
