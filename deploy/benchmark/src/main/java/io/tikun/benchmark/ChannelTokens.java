package io.tikun.benchmark;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.ObjectMapper;

/** Access tokens from the real Keycloak, obtained the way the README tells integrators to. */
final class ChannelTokens {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient client;
    private final String tokenUrl;

    ChannelTokens(HttpClient client, String tokenUrl) {
        this.client = client;
        this.tokenUrl = tokenUrl;
    }

    /** A channel integration's service-account token (client credentials grant). */
    String serviceAccount(String clientId, String secret) throws IOException, InterruptedException {
        return token(Map.of("grant_type", "client_credentials", "client_id", clientId, "client_secret", secret));
    }

    /** A demo user's token through the command-line client (password grant). */
    String user(String username, String password) throws IOException, InterruptedException {
        return token(Map.of("grant_type", "password", "client_id", "tikun-cli", "username", username, "password",
                password));
    }

    private String token(Map<String, String> form) throws IOException, InterruptedException {
        String body = form.entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        HttpResponse<String> response = client.send(HttpRequest.newBuilder(URI.create(tokenUrl))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("token request failed: " + response.statusCode() + " " + response.body());
        }
        return JSON.readTree(response.body()).get("access_token").asText();
    }
}
