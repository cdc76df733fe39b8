-- The people who work cases, as their tokens describe them the last time they acted: how routing reaches an agent
-- (a failed delivery of their reply) without keeping addresses in configuration.
create table agent_contact (
    username   varchar(200) primary key,
    name       varchar(200) not null,
    email      varchar(320),
    seen_at    timestamptz  not null
);
