package io.tikun.intake.outbound.social;

import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.json.JsonObject;

/**
 * A provider's API on a free loopback port: records every request and answers from a script (then from a default), so
 * a test can check each request's path, headers and JSON body against the provider's documented shape.
 */
final class ProviderStub implements AutoCloseable {

    /** One request as the provider saw it. */
    record Request(String method, String path, MultiMap headers, String body) {
        JsonObject json() {
            return new JsonObject(body);
        }

        String header(String name) {
            return headers.get(name);
        }
    }

    /** One answer; a null status means never answering (a hung provider). */
    record Answer(Integer status, Map<String, String> headers, String body) {
        static Answer json(int status, String body) {
            return new Answer(status, Map.of(), body);
        }

        static Answer withHeader(int status, String header, String value, String body) {
            return new Answer(status, Map.of(header, value), body);
        }

        static Answer silence() {
            return new Answer(null, Map.of(), null);
        }
    }

    private final HttpServer server;
    private final Queue<Request> requests = new ConcurrentLinkedQueue<>();
    private final Queue<Answer> script = new ConcurrentLinkedQueue<>();
    private volatile Function<Request, Answer> otherwise;

    private ProviderStub(HttpServer server) {
        this.server = server;
    }

    static ProviderStub start(Vertx vertx, Function<Request, Answer> otherwise) throws Exception {
        ProviderStub[] holder = new ProviderStub[1];
        HttpServer server = vertx.createHttpServer().requestHandler(request -> request.body().onSuccess(body -> {
            Request seen = new Request(request.method().name(), request.path(), MultiMap.caseInsensitiveMultiMap()
                    .addAll(request.headers()), body.toString());
            holder[0].requests.add(seen);
            Answer answer = holder[0].script.poll();
            if (answer == null) {
                answer = holder[0].otherwise.apply(seen);
            }
            if (answer.status() == null) {
                return;
            }
            var response = request.response().setStatusCode(answer.status());
            answer.headers().forEach(response::putHeader);
            if (answer.body() != null) {
                response.putHeader("Content-Type", "application/json").end(answer.body());
            } else {
                response.end();
            }
        }));
        holder[0] = new ProviderStub(server);
        holder[0].otherwise = otherwise;
        server.listen(0, "127.0.0.1").toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        return holder[0];
    }

    String url() {
        return "http://127.0.0.1:" + server.actualPort();
    }

    /** The next requests get these answers, in order; later ones the default. */
    ProviderStub thenAnswer(Answer... answers) {
        script.addAll(List.of(answers));
        return this;
    }

    List<Request> requests() {
        return List.copyOf(requests);
    }

    void forget() {
        requests.clear();
    }

    @Override
    public void close() throws Exception {
        server.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }
}
