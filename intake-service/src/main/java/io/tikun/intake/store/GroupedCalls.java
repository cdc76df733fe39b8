package io.tikun.intake.store;

import java.util.ArrayList;
import java.util.List;

import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.subscription.UniEmitter;
import io.vertx.core.Context;
import io.vertx.core.Vertx;

/**
 * Many callers' requests of one kind to the store, made together: a request that arrives while none is under way is
 * made at once, on its own; those that arrive while one is under way wait for it and go together in the next, one
 * round trip for all of them (group commit). A quiet service so waits for nothing, and a busy one makes one round trip
 * per batch instead of one per caller, with no timer deciding how long to wait.
 * <p>
 * A batch is answered on whatever thread the store answers the batch on; each caller that called from a Vert.x context
 * (a request's) gets its answer back on that context, so a request's work never runs on another request's context.
 *
 * @param <I> what one caller asks
 * @param <O> what one caller gets
 */
public final class GroupedCalls<I, O> {

    /** Makes a batch of requests in one round trip; answers one result per request, in the requests' order. */
    public interface Batch<I, O> {
        Uni<List<O>> call(List<I> requests);
    }

    /** A caller's request, where to answer it, and the Vert.x context it called from (null: none). */
    private record Waiting<I, O>(I request, UniEmitter<? super O> answer, Context context) {

        void complete(O result) {
            onOwnContext(() -> answer.complete(result));
        }

        void fail(Throwable failure) {
            onOwnContext(() -> answer.fail(failure));
        }

        private void onOwnContext(Runnable delivery) {
            if (context == null || context == Vertx.currentContext()) {
                delivery.run();
            } else {
                context.runOnContext(ignored -> delivery.run());
            }
        }
    }

    private final int mostPerCall;
    private final Batch<I, O> batch;
    private final Object lock = new Object();
    private List<Waiting<I, O>> queued = new ArrayList<>();
    private boolean calling;

    /** Calls {@code batch} with at most {@code mostPerCall} requests at a time. */
    public GroupedCalls(int mostPerCall, Batch<I, O> batch) {
        if (mostPerCall < 1) {
            throw new IllegalArgumentException("a batch holds at least one request");
        }
        this.mostPerCall = mostPerCall;
        this.batch = batch;
    }

    /** This caller's result, once the batch its request went in is answered (or its failure). */
    public Uni<O> call(I request) {
        return Uni.createFrom().emitter(answer -> {
            boolean start;
            synchronized (lock) {
                queued.add(new Waiting<>(request, answer, Vertx.currentContext()));
                start = !calling;
                calling = true;
            }
            if (start) {
                callQueued();
            }
        });
    }

    /** Makes the queued requests, then those queued meanwhile, until nothing waits. */
    private void callQueued() {
        List<Waiting<I, O>> taken;
        synchronized (lock) {
            if (queued.isEmpty()) {
                calling = false;
                return;
            }
            if (queued.size() <= mostPerCall) {
                taken = queued;
                queued = new ArrayList<>();
            } else {
                taken = new ArrayList<>(queued.subList(0, mostPerCall));
                queued = new ArrayList<>(queued.subList(mostPerCall, queued.size()));
            }
        }
        Uni<List<O>> answered;
        try {
            answered = batch.call(taken.stream().map(Waiting::request).toList());
        } catch (RuntimeException e) {
            answered = Uni.createFrom().failure(e);
        }
        answered.subscribe().with(results -> {
            if (results.size() != taken.size()) {
                IllegalStateException wrong = new IllegalStateException(
                        results.size() + " results for " + taken.size() + " requests");
                taken.forEach(waiting -> waiting.fail(wrong));
            } else {
                for (int i = 0; i < taken.size(); i++) {
                    taken.get(i).complete(results.get(i));
                }
            }
            callQueued();
        }, failure -> {
            taken.forEach(waiting -> waiting.fail(failure));
            callQueued();
        });
    }
}
