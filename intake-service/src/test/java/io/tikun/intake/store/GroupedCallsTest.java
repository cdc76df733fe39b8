package io.tikun.intake.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.helpers.test.UniAssertSubscriber;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.impl.ContextInternal;

class GroupedCallsTest {

    /** A store that answers each batch when the test says so, with what the test gives. */
    private final List<List<String>> batches = new ArrayList<>();
    private final List<CompletableFuture<List<Integer>>> answers = new ArrayList<>();
    private final GroupedCalls<String, Integer> calls = new GroupedCalls<>(3, requests -> {
        batches.add(requests);
        CompletableFuture<List<Integer>> answer = new CompletableFuture<>();
        answers.add(answer);
        return Uni.createFrom().completionStage(answer);
    });

    private UniAssertSubscriber<Integer> call(String request) {
        return calls.call(request).subscribe().withSubscriber(UniAssertSubscriber.create());
    }

    @Test
    void givesEachCallerTheResultInItsRequestsPlace() {
        UniAssertSubscriber<Integer> first = call("a");
        UniAssertSubscriber<Integer> second = call("bb");
        UniAssertSubscriber<Integer> third = call("ccc");
        answers.get(0).complete(List.of(1));

        assertThat(batches).containsExactly(List.of("a"), List.of("bb", "ccc"));
        answers.get(1).complete(List.of(2, 3));
        first.assertItem(1);
        second.assertItem(2);
        third.assertItem(3);
    }

    @Test
    void failsEveryCallerOfABatchAnsweredWithTheWrongNumberOfResultsAndGoesOn() {
        call("a");
        UniAssertSubscriber<Integer> second = call("b");
        UniAssertSubscriber<Integer> third = call("c");
        UniAssertSubscriber<Integer> fourth = call("d");
        UniAssertSubscriber<Integer> fifth = call("e");
        answers.get(0).complete(List.of(1));

        assertThat(batches.get(1)).containsExactly("b", "c", "d");
        answers.get(1).complete(List.of(2));
        second.assertFailedWith(IllegalStateException.class, "1 results for 3 requests");
        third.assertFailedWith(IllegalStateException.class, "1 results for 3 requests");
        fourth.assertFailedWith(IllegalStateException.class, "1 results for 3 requests");
        assertThat(batches.get(2)).containsExactly("e");
        answers.get(2).complete(List.of(5));
        fifth.assertItem(5);
    }

    @Test
    void refusesABatchOfNoRequests() {
        assertThatThrownBy(() -> new GroupedCalls<String, Integer>(0, requests -> Uni.createFrom().item(List.of())))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void answersEachCallerOnTheVertxContextItCalledFromWhateverThreadTheStoreAnswersOn() throws Exception {
        Vertx vertx = Vertx.vertx();
        try {
            // Two requests' contexts, as Quarkus gives each request a duplicate of an event loop's context.
            ContextInternal eventLoop = (ContextInternal) vertx.getOrCreateContext();
            Context first = eventLoop.duplicate();
            Context second = eventLoop.duplicate();
            CompletableFuture<Context> firstAnsweredOn = new CompletableFuture<>();
            CompletableFuture<Context> secondAnsweredOn = new CompletableFuture<>();
            CompletableFuture<Void> secondCalled = new CompletableFuture<>();
            first.runOnContext(ignored -> calls.call("a").subscribe()
                    .with(result -> firstAnsweredOn.complete(Vertx.currentContext())));
            second.runOnContext(ignored -> {
                calls.call("b").subscribe().with(result -> secondAnsweredOn.complete(Vertx.currentContext()));
                secondCalled.complete(null);
            });
            secondCalled.get(5, TimeUnit.SECONDS);

            // The store answers on this test's thread, which is on no context.
            answers.get(0).complete(List.of(1));
            answers.get(1).complete(List.of(2));

            assertThat(firstAnsweredOn.get(5, TimeUnit.SECONDS)).isSameAs(first);
            assertThat(secondAnsweredOn.get(5, TimeUnit.SECONDS)).isSameAs(second);
        } finally {
            vertx.close().toCompletionStage().toCompletableFuture().get(5, TimeUnit.SECONDS);
        }
    }
}
