package io.tikun.system;

import static io.restassured.RestAssured.given;

import io.tikun.stack.KeycloakServer;

/** Real tokens from the running Keycloak, obtained the way the README tells users to. */
final class KeycloakTokens {

    static final String WEB_CHANNEL = "tikun-web-channel";
    static final String WEB_CHANNEL_SECRET = "web-channel-secret";
    static final String CLI = "tikun-cli";

    private final KeycloakServer keycloak;

    KeycloakTokens(KeycloakServer keycloak) {
        this.keycloak = keycloak;
    }

    /** A service-account token of the web channel integration (role {@code channel}). */
    String channel() {
        return given().formParam("grant_type", "client_credentials").formParam("client_id", WEB_CHANNEL)
                .formParam("client_secret", WEB_CHANNEL_SECRET)
                .post(keycloak.tokenUrl()).then().statusCode(200).extract().path("access_token");
    }

    /** A demo user's token (password = user name). */
    String user(String username) {
        return given().formParam("grant_type", "password").formParam("client_id", CLI)
                .formParam("username", username).formParam("password", username)
                .post(keycloak.tokenUrl()).then().statusCode(200).extract().path("access_token");
    }
}
