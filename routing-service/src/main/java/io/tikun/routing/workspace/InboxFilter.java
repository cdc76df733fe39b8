package io.tikun.routing.workspace;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import io.quarkus.qute.TemplateData;
import io.tikun.routing.cases.CaseQuery;
import io.tikun.routing.cases.CaseStatus;
import io.tikun.routing.escalation.EscalationLevel;
import io.tikun.routing.escalation.Severity;

/**
 * The inbox's queue and filters as the page's form sends them. Values the page never offers are ignored rather than
 * refused: a hand-edited address still shows a list.
 */
@TemplateData
public record InboxFilter(Queue queue, Severity severity, EscalationLevel level, String status, String channel,
        boolean overdue, boolean waiting, int page, String customer) {

    /**
     * Whose cases: the user's, their team's (anyone who shares a team with them), nobody's, or everybody's (managers and
     * admins; anyone when narrowed to one customer, whose history an agent needs to answer them).
     */
    public enum Queue {
        MINE,
        TEAM,
        UNASSIGNED,
        ALL
    }

    /** The longest customer id the filter takes (routing's column is 64). */
    static final int MAX_CUSTOMER = 64;

    /** The status filter's value for "not resolved", the default. */
    public static final String ACTIVE = "active";
    /** The status filter's value for every status. */
    public static final String ANY = "any";

    public static InboxFilter of(String queue, String severity, String level, String status, String channel,
            boolean overdue, boolean waiting, int page, boolean seesAll) {
        return of(queue, severity, level, status, channel, overdue, waiting, page, null, seesAll, false);
    }

    /** {@code inTeam}: the user shares a team with someone, so "my team" is theirs to choose. */
    public static InboxFilter of(String queue, String severity, String level, String status, String channel,
            boolean overdue, boolean waiting, int page, String customer, boolean seesAll, boolean inTeam) {
        String customerValue = customer == null || customer.isBlank() || customer.strip().length() > MAX_CUSTOMER ? null
                : customer.strip();
        Queue chosen = parse(Queue.class, queue);
        if (chosen == null || chosen == Queue.ALL && !seesAll && customerValue == null
                || chosen == Queue.TEAM && !inTeam) {
            chosen = seesAll ? Queue.ALL : Queue.MINE;
        }
        String statusValue = ANY.equals(status) || parse(CaseStatus.class, status) != null ? status.strip() : ACTIVE;
        String channelValue = channel == null || channel.isBlank() ? null : channel.strip().toLowerCase(Locale.ROOT);
        return new InboxFilter(chosen, parse(Severity.class, severity), parse(EscalationLevel.class, level), statusValue,
                channelValue, overdue, waiting, Math.max(page, 0), customerValue);
    }

    /** The repository query for {@code user}'s view of this filter, due first; {@code team}: who shares a team with them. */
    public CaseQuery toQuery(String user, Set<String> team) {
        CaseStatus exact = waiting ? CaseStatus.WAITING_ON_CUSTOMER : parse(CaseStatus.class, status);
        boolean unresolved = exact == null && ACTIVE.equals(status);
        return new CaseQuery(null, severity, level, exact, queue == Queue.MINE ? user : null, queue == Queue.UNASSIGNED,
                overdue, CaseQuery.CaseOrder.NEXT_DUE, channel, unresolved,
                queue == Queue.TEAM ? List.copyOf(team) : null, customer);
    }

    /** The same filter on another page, as a query string for links. */
    public String onPage(int other) {
        List<String> parts = new ArrayList<>();
        parts.add("queue=" + queueParam());
        addIf(parts, "severity", severity == null ? null : severity.name());
        addIf(parts, "level", level == null ? null : level.name());
        addIf(parts, "status", status);
        addIf(parts, "channel", channel);
        addIf(parts, "customer", customer);
        if (overdue) {
            parts.add("overdue=true");
        }
        if (waiting) {
            parts.add("waiting=true");
        }
        parts.add("page=" + other);
        return "?" + String.join("&", parts);
    }

    public boolean is(String q) {
        return queue.name().equals(q);
    }

    /** The queue as the address names it. */
    public String queueParam() {
        return queue.name().toLowerCase(Locale.ROOT);
    }

    private static void addIf(List<String> parts, String name, String value) {
        if (value != null) {
            parts.add(name + "=" + URLEncoder.encode(value, StandardCharsets.UTF_8));
        }
    }

    static <E extends Enum<E>> E parse(Class<E> type, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        for (E constant : type.getEnumConstants()) {
            if (constant.name().equalsIgnoreCase(value.strip())) {
                return constant;
            }
        }
        return null;
    }
}
