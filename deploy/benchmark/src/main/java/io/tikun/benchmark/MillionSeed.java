package io.tikun.benchmark;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Loads a year of cases straight into routing's and follow-up's tables, after their Flyway migrations ran, with
 * server-side {@code INSERT ... SELECT generate_series}: cases, their ladder steps, conversations, alerts, resolutions,
 * promises (routing's read model and follow-up's own table), customer feedback and hotspots. No timer is left armed
 * and no outbox row is written, so the services have nothing to catch up on once the rows are in.
 */
final class MillionSeed {

    /** What to load: how many cases, distinct customer ids to draw from, promises and hotspots. */
    record Sizes(int cases, int customers, int promises, int hotspots) {
    }

    /** How long each table took and how many rows it got. */
    record Loaded(Map<String, Long> rows, Map<String, Duration> took, Duration total, String databaseSize) {
    }

    private static final String CASES = """
            insert into routing.support_case (id, complaint_id, reference, customer_id, customer_name, customer_email,
                channel, subject, summary, severity, level, status, received_at, opened_at, first_response_due_at,
                version, assignee, first_responded_at, first_responded_by, resolved_at, resolution, updated_at,
                resolution_due_at, callback_due_at, language, resolutions, category, classified_category, root_cause,
                probe)
            select id, 'cmp-' || g, 'TK-' || lpad(g::text, 7, '0'), 'cust-' || customer, 'Customer ' || customer,
                   'customer' || customer || '@example.com', channel,
                   'Complaint ' || g || ' about ' || category, 'The customer wrote about ' || category || ' (case ' || g || ').',
                   severity, level, status, received_at, received_at + interval '2 seconds', due_at,
                   1, assignee, responded_at, case when responded_at is not null then assignee end, resolved_at,
                   case when resolved_at is not null then 'Resolved: ' || root_cause end,
                   coalesce(resolved_at, responded_at, received_at + interval '2 seconds'),
                   received_at + interval '5 days',
                   case when level = 'MANAGER_CALLBACK' and status <> 'RESOLVED' then due_at + interval '2 hours' end,
                   language, case when status = 'RESOLVED' then 1 else 0 end, category, category,
                   case when status = 'RESOLVED' then root_cause end, false
            from (
                select g, id, customer, channel, severity, category, root_cause, language, received_at, due_at, status,
                       case when status = 'OPEN' and r_assign < 0.6 then null
                            when r_assign < 0.025 then 'agent'
                            else 'agent-' || lpad((floor(r_assign * 40))::int::text, 2, '0') end as assignee,
                       case when status = 'OPEN' then null
                            else least(now() - interval '2 minutes',
                                       received_at + (due_at - received_at) * (0.1 + r_respond * 1.1)) end as responded_at,
                       case when status = 'RESOLVED'
                            then least(now() - interval '1 minute', received_at + (due_at - received_at) * 1.3
                                       + r_resolve * interval '5 days') end as resolved_at,
                       case when r_level < 0.70 then 'FRONTLINE' when r_level < 0.88 then 'TEAM_LEAD'
                            when r_level < 0.97 or severity <> 'CRITICAL' then 'SERVICE_MANAGER'
                            else 'MANAGER_CALLBACK' end as level
                from (
                    select g, md5('case-' || g)::uuid as id, customer, channel, severity, category, root_cause, language,
                           received_at, r_assign, r_respond, r_resolve, r_level,
                           received_at + case severity when 'LOW' then interval '72 hours' when 'MEDIUM' then interval '24 hours'
                                                       when 'HIGH' then interval '4 hours' else interval '1 hour' end as due_at,
                           case when received_at < now() - interval '14 days' and r_status >= 0.01 then 'RESOLVED'
                                when r_status < 0.004 or (received_at >= now() - interval '14 days' and r_status < 0.2) then 'OPEN'
                                when r_status < 0.007 or (received_at >= now() - interval '14 days' and r_status < 0.45) then 'RESPONDED'
                                when r_status < 0.01 or (received_at >= now() - interval '14 days' and r_status < 0.55) then 'WAITING_ON_CUSTOMER'
                                else 'RESOLVED' end as status
                    from (
                        select g, floor(power(random(), 2) * %2$d)::int as customer,
                               (array['web','web','web','web','email','email','email','whatsapp','whatsapp','facebook','x'])[1 + floor(random() * 11)::int] as channel,
                               (array['LOW','LOW','LOW','LOW','LOW','LOW','LOW','LOW','LOW','MEDIUM','MEDIUM','MEDIUM','MEDIUM','MEDIUM','MEDIUM','MEDIUM','HIGH','HIGH','HIGH','CRITICAL'])[1 + floor(random() * 20)::int] as severity,
                               (array['refund','billing','delivery','installation_or_visit','product_defect','staff_behaviour','waiting_time','other'])[1 + floor(random() * 8)::int] as category,
                               (array['product-defect','supplier-delay','process-gap','staff-error','communication','billing-system','customer-misunderstanding','external','other'])[1 + floor(random() * 9)::int] as root_cause,
                               (array['he','he','he','he','he','he','he','en','en','ar'])[1 + floor(random() * 10)::int] as language,
                               date_trunc('second', now() - random() * interval '365 days') as received_at,
                               random() as r_status, random() as r_assign, random() as r_respond, random() as r_resolve,
                               random() as r_level
                        from generate_series(1, %1$d) g) drawn) timed) decided""";

    private static final String OPENING_STEPS = """
            insert into routing.escalation_step (id, case_id, from_level, to_level, reason, occurred_at, reason_code)
            select md5('opened-' || id)::uuid, id, null, 'FRONTLINE', 'opened', opened_at, 'OPENED' from routing.support_case""";

    // Every rung above the front line was climbed when the first response was missed (one step per rung).
    private static final String CLIMBS = """
            insert into routing.escalation_step (id, case_id, from_level, to_level, reason, occurred_at, reason_code)
            select md5('climb-' || c.id || '-' || rung.n)::uuid, c.id, rung.from_level, rung.to_level,
                   'first response overdue', c.first_response_due_at + rung.n * interval '10 minutes', 'FIRST_RESPONSE_MISSED'
            from routing.support_case c
            join (values (1, 'FRONTLINE', 'TEAM_LEAD', 1), (2, 'TEAM_LEAD', 'SERVICE_MANAGER', 2),
                         (3, 'SERVICE_MANAGER', 'MANAGER_CALLBACK', 3)) rung(n, from_level, to_level, needs)
              on rung.needs <= case c.level when 'TEAM_LEAD' then 1 when 'SERVICE_MANAGER' then 2
                                            when 'MANAGER_CALLBACK' then 3 else 0 end""";

    // The conversation: the first reply; for a third of the answered cases a customer's message and a second reply;
    // a thank-you for every resolved case.
    private static final String MESSAGES = """
            insert into routing.case_message (id, case_id, message_id, author, channel, body, written_by, received_at,
                direction, kind, automatic, delivery_status, delivery_updated_at)
            select md5(kind || '-' || id)::uuid, id, 'routing:' || lower(kind) || ':' || id, author, channel, body,
                   written_by, at, direction, kind, automatic, status, case when status is not null then at end
            from (
                select c.id, 'AGENT' as author, c.channel, 'Thank you for writing, we are on it.' as body,
                       c.first_responded_by as written_by, c.first_responded_at as at, 'OUTBOUND' as direction,
                       'AGENT_REPLY' as kind, false as automatic, 'DELIVERED' as status
                from routing.support_case c where c.first_responded_at is not null
                union all
                select c.id, 'CUSTOMER', c.channel, 'Any news about my complaint?', null,
                       c.first_responded_at + interval '1 day', 'INBOUND', 'CUSTOMER_MESSAGE', false, null
                from routing.support_case c
                where c.first_responded_at is not null and get_byte(decode(md5(c.id::text), 'hex'), 0) < 85
                union all
                select c.id, 'AGENT', c.channel, 'We checked again, here is what we found.', c.assignee,
                       c.first_responded_at + interval '1 day 3 hours', 'OUTBOUND', 'AGENT_REPLY_2', false, 'DELIVERED'
                from routing.support_case c
                where c.first_responded_at is not null and get_byte(decode(md5(c.id::text), 'hex'), 0) < 85
                union all
                select c.id, 'SYSTEM', c.channel, 'Thank you for your patience.', null, c.resolved_at, 'OUTBOUND',
                       'THANK_YOU', true, 'DELIVERED'
                from routing.support_case c where c.resolved_at is not null) m""";

    private static final String MESSAGE_KIND_FIX = """
            update routing.case_message set kind = 'AGENT_REPLY' where kind = 'AGENT_REPLY_2'""";

    private static final String NOTIFICATIONS = """
            insert into routing.notification (id, case_id, kind, level, channel, recipient, subject, body, state, attempts,
                created_at, available_at, sent_at, language, occurrence)
            select md5('alert-' || ch.channel || '-' || c.id)::uuid, c.id, 'SEVERE_CASE_OPENED', 'FRONTLINE', ch.channel,
                   'manager@tikun.local', 'Severe case ' || c.reference, '{"case":"' || c.reference || '"}', 'SENT', 1,
                   c.opened_at, c.opened_at, c.opened_at + interval '1 second', 'en', 1
            from routing.support_case c cross join (values ('email'), ('stream')) ch(channel)
            where c.severity in ('HIGH', 'CRITICAL')""";

    private static final String RESOLUTIONS = """
            insert into routing.case_resolution (id, case_id, resolution_no, classified_category, category, root_cause,
                corrected, resolved_by, resolved_at)
            select md5('resolution-' || id)::uuid, id, 1, classified_category, category, root_cause, false,
                   coalesce(assignee, 'agent-00'), resolved_at
            from routing.support_case where status = 'RESOLVED'""";

    // Every k-th case made a promise, so that there are as many as asked; its state follows the case's.
    private static final String PROMISES = """
            insert into routing.case_promise (commitment_id, case_id, customer_id, what, owner, due_at, made_by, made_at,
                state, state_at, updated_at)
            select md5('promise-' || c.id)::uuid, c.id, c.customer_id, 'We will call you back with the answer', owner,
                   made_at + interval '3 days', owner, made_at,
                   case when c.status <> 'RESOLVED' then case when made_at + interval '3 days' < now() then 'OVERDUE' else 'OPEN' end
                        when get_byte(decode(md5(c.id::text), 'hex'), 1) < 26 then 'BROKEN'
                        when get_byte(decode(md5(c.id::text), 'hex'), 1) < 40 then 'UNCONFIRMED'
                        when get_byte(decode(md5(c.id::text), 'hex'), 1) < 48 then 'DISPUTED'
                        else 'VERIFIED' end,
                   least(made_at + interval '3 days', now()), least(made_at + interval '3 days', now())
            from (select c.*, coalesce(c.assignee, 'agent-00') as owner,
                         coalesce(c.first_responded_at, c.opened_at) + interval '1 hour' as made_at,
                         row_number() over () as n
                  from routing.support_case c) c
            where c.n %% greatest(1, %1$d / %2$d) = 0
            limit %2$d""";

    private static final String FOLLOWUP_COMMITMENTS = """
            insert into followup.commitment (id, case_id, complaint_id, reference, customer_id, customer_name, customer_email,
                what, owner, due_at, made_by, made_at, status, updated_at, version)
            select p.commitment_id, p.case_id, c.complaint_id, c.reference, c.customer_id, c.customer_name, c.customer_email,
                   p.what, p.owner, p.due_at, p.made_by, p.made_at, p.state, p.updated_at, 1
            from routing.case_promise p join routing.support_case c on c.id = p.case_id""";

    // A satisfaction answer for every fourth resolved case; a churn watch for one customer in a hundred, and its outcome.
    private static final String FEEDBACK = """
            insert into routing.customer_feedback (event_id, customer_id, kind, case_id, reference, score, comment,
                churn_outcome, exit_outcome, exit_reason, value_tier, occurred_at, received_at)
            select 'csat-' || c.id, c.customer_id, 'CSAT_ANSWERED', c.id, c.reference,
                   1 + get_byte(decode(md5(c.id::text), 'hex'), 2) %% 5, 'Thanks', null, null, null, null,
                   c.resolved_at + interval '1 day', c.resolved_at + interval '1 day'
            from routing.support_case c
            where c.status = 'RESOLVED' and get_byte(decode(md5(c.id::text), 'hex'), 3) < 64
              and c.resolved_at + interval '1 day' < now()
            union all
            select 'churn-' || k.kind || '-' || c.id, c.customer_id, k.kind, c.id, c.reference, null, null,
                   case when k.kind = 'CHURN_OUTCOME' then 'STAYED' end, null, null, 'gold',
                   c.opened_at + k.after, c.opened_at + k.after
            from routing.support_case c
            cross join (values ('CHURN_WATCH_OPENED', interval '1 hour'), ('CHURN_OUTCOME', interval '30 days')) k(kind, after)
            where get_byte(decode(md5(c.id::text), 'hex'), 4) < 3 and c.opened_at + k.after < now()""";

    private static final String HOTSPOTS = """
            insert into routing.hotspot (id, subject_kind, subject_value, window_start, window_end, complaints, customers,
                expected, p_value, false_alarm_rate, baseline_weeks, samples, detected_at, received_at, past_from,
                acknowledged_at, acknowledged_by, version)
            select md5('hotspot-' || g)::uuid, (array['PRODUCT','CATEGORY','TERM'])[1 + g %% 3],
                   'subject-' || (g %% 97), at - interval '4 hours', at, 12 + g %% 20, 10 + g %% 15, 3.5, 0.0001, 0.01, 8,
                   '[]', at, at, at + interval '2 days',
                   case when g %% 10 <> 0 then at + interval '3 hours' end, case when g %% 10 <> 0 then 'manager' end, 1
            from (select g, now() - (g::float / %1$d) * interval '365 days' as at from generate_series(1, %1$d) g) s""";

    private final Connection connection;

    MillionSeed(Connection connection) {
        this.connection = connection;
    }

    Loaded load(Sizes sizes) throws SQLException {
        Map<String, Long> rows = new LinkedHashMap<>();
        Map<String, Duration> took = new LinkedHashMap<>();
        long start = System.nanoTime();
        try (Statement s = connection.createStatement()) {
            s.execute("set synchronous_commit = off");
            s.execute("set maintenance_work_mem = '256MB'");
            s.execute("set work_mem = '64MB'");
            s.execute("select setseed(0.2026)");
            step(s, "routing.support_case", CASES.formatted(sizes.cases(), sizes.customers()), rows, took);
            step(s, "routing.escalation_step (opened)", OPENING_STEPS, rows, took);
            step(s, "routing.escalation_step (climbs)", CLIMBS, rows, took);
            step(s, "routing.case_message", MESSAGES, rows, took);
            s.executeUpdate(MESSAGE_KIND_FIX);
            step(s, "routing.notification", NOTIFICATIONS, rows, took);
            step(s, "routing.case_resolution", RESOLUTIONS, rows, took);
            step(s, "routing.case_promise", PROMISES.formatted(sizes.cases(), sizes.promises()), rows, took);
            step(s, "followup.commitment", FOLLOWUP_COMMITMENTS, rows, took);
            step(s, "routing.customer_feedback", FEEDBACK.formatted(), rows, took);
            step(s, "routing.hotspot", HOTSPOTS.formatted(sizes.hotspots()), rows, took);
            long analyze = System.nanoTime();
            s.execute("vacuum analyze");
            took.put("vacuum analyze", Duration.ofNanos(System.nanoTime() - analyze));
            String size;
            try (ResultSet rs = s.executeQuery("select pg_size_pretty(pg_database_size(current_database()))")) {
                rs.next();
                size = rs.getString(1);
            }
            return new Loaded(rows, took, Duration.ofNanos(System.nanoTime() - start), size);
        }
    }

    private static void step(Statement s, String table, String sql, Map<String, Long> rows, Map<String, Duration> took)
            throws SQLException {
        long start = System.nanoTime();
        long inserted = s.executeLargeUpdate(sql);
        Duration d = Duration.ofNanos(System.nanoTime() - start);
        rows.put(table, inserted);
        took.put(table, d);
        System.out.printf("seeded %s: %d rows in %.1f s%n", table, inserted, d.toMillis() / 1000.0);
    }

    /** The customer with the most cases, and one with a single case: the panel's and timeline's extremes. */
    static String[] customers(Connection connection) throws SQLException {
        try (Statement s = connection.createStatement();
                ResultSet big = s.executeQuery("select customer_id, count(*) from routing.support_case group by 1 "
                        + "order by 2 desc limit 1")) {
            big.next();
            String largest = big.getString(1);
            try (ResultSet one = s.executeQuery("select customer_id from routing.support_case "
                    + "where customer_id = 'cust-299999' or customer_id = 'cust-250000' limit 1")) {
                return new String[] { largest, one.next() ? one.getString(1) : largest };
            }
        }
    }
}
