-- At resolution the agent confirms or corrects the category intake's classifier gave the case and names the root
-- cause (codes from resolution/taxonomy.json, operator-edited, so no check constraints).
-- support_case.category becomes the final category (the classifier's until the case is resolved);
-- classified_category keeps what the classifier said, root_cause the latest resolution's cause.
alter table support_case add column classified_category varchar(40);
alter table support_case add column root_cause varchar(60);
update support_case set classified_category = category where category is not null;

-- One row per resolution through the resolve action (REST or workspace): reopening and resolving again adds a row,
-- so no earlier decision is lost. corrected = the agent chose another category than the classifier's.
create table case_resolution (
    id                  uuid primary key,
    case_id             uuid not null references support_case (id) on delete cascade,
    resolution_no       int not null,
    classified_category varchar(40),
    category            varchar(40) not null,
    root_cause          varchar(60) not null,
    corrected           boolean not null,
    resolved_by         varchar(200) not null,
    resolved_at         timestamptz not null,
    constraint case_resolution_once unique (case_id, resolution_no)
);

-- The reports read a period of resolutions: accuracy (latest per case in [from, to)) and the weekly trends by
-- category or root cause; both are range scans on resolved_at answered from the index alone.
create index case_resolution_resolved_at_idx
    on case_resolution (resolved_at) include (case_id, resolution_no, classified_category, category, root_cause);
