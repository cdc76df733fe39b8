-- Hotspots intake detected (hotspots.detected): one row per hotspot id, so a redelivered event changes nothing and
-- notifies nobody again. A hotspot is current until past_from (its window's end plus the cool-down) or until a manager
-- acknowledges it; the index serves the console's and the API's look at the current ones.
create table hotspot (
    id               uuid primary key,
    subject_kind     varchar(16)      not null,
    subject_value    varchar(300)     not null,
    window_start     timestamptz      not null,
    window_end       timestamptz      not null,
    complaints       integer          not null,
    customers        integer          not null,
    expected         double precision not null,
    p_value          double precision not null,
    false_alarm_rate double precision not null,
    baseline_weeks   integer          not null,
    -- The sample complaints as intake sent them (JSON array of complaintId, reference, receivedAt).
    samples          text             not null,
    detected_at      timestamptz      not null,
    received_at      timestamptz      not null,
    past_from        timestamptz      not null,
    acknowledged_at  timestamptz,
    acknowledged_by  varchar(200),
    version          bigint           not null
);
create index hotspot_current_idx on hotspot (past_from) where acknowledged_at is null;
create index hotspot_window_idx on hotspot (window_end desc, id);

-- A notification is about a case or about a hotspot, never both and never neither; a hotspot's notification is kept
-- once per channel and recipient like a case's (NULL case ids never collide under the case key, hence its own index).
alter table notification alter column case_id drop not null;
alter table notification add column hotspot_id uuid references hotspot (id);
alter table notification add constraint notification_about_case_or_hotspot
    check ((case_id is null) <> (hotspot_id is null));
create unique index notification_once_per_hotspot
    on notification (hotspot_id, kind, channel, recipient) where hotspot_id is not null;
