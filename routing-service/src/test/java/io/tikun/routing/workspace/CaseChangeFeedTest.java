package io.tikun.routing.workspace;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;

import org.junit.jupiter.api.Test;

import io.smallrye.mutiny.helpers.test.AssertSubscriber;

class CaseChangeFeedTest {

    private static final Instant T0 = Instant.parse("2026-12-05T10:00:00Z");

    @Test
    void announcesOnlyChangesNewerThanTheLastSeen() {
        CaseChangeFeed feed = new CaseChangeFeed(null);
        AssertSubscriber<Instant> page = feed.changes().subscribe().withSubscriber(AssertSubscriber.create(10));

        feed.seen(T0); // the first look only remembers where the cases stand
        feed.seen(T0);
        feed.seen(T0.plusSeconds(5));
        feed.seen(T0.plusSeconds(2)); // an older answer (a slow look) announces nothing
        feed.seen(null);
        feed.seen(T0.plusSeconds(9));

        assertThat(page.getItems()).containsExactly(T0.plusSeconds(5), T0.plusSeconds(9));
    }

    @Test
    void announcesTheFirstCaseOpenedAfterALookFoundNone() {
        CaseChangeFeed feed = new CaseChangeFeed(null);
        AssertSubscriber<Instant> page = feed.changes().subscribe().withSubscriber(AssertSubscriber.create(10));

        feed.seen(null); // no case yet
        feed.seen(T0); // the first case opens

        assertThat(page.getItems()).containsExactly(T0);
    }
}
