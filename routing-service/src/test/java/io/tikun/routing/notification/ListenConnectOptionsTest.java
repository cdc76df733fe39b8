package io.tikun.routing.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import io.vertx.pgclient.PgConnectOptions;

class ListenConnectOptionsTest {

    @Test
    void listensOnTheDatasourceServerWithItsCredentials() {
        PgConnectOptions options = ListenConnectOptions.of(List.of("postgresql://db.internal:15432/tikun"),
                Optional.of("routing"), Optional.of("s3cret"));

        assertThat(options.getHost()).isEqualTo("db.internal");
        assertThat(options.getPort()).isEqualTo(15432);
        assertThat(options.getDatabase()).isEqualTo("tikun");
        assertThat(options.getUser()).isEqualTo("routing");
        assertThat(options.getPassword()).isEqualTo("s3cret");
        assertThat(options.isTcpKeepAlive()).isTrue();
    }

    @Test
    void acceptsQuarkusReactivePrefixAndTakesTheFirstOfSeveralServers() {
        PgConnectOptions options = ListenConnectOptions.of(
                List.of("vertx-reactive:postgresql://primary:5432/tikun", "postgresql://replica:5432/tikun"),
                Optional.empty(), Optional.empty());

        assertThat(options.getHost()).isEqualTo("primary");
        assertThat(options.getPort()).isEqualTo(5432);
    }

    @Test
    void keepsCredentialsAndTlsModeWrittenInTheUrl() {
        PgConnectOptions options = ListenConnectOptions.of(
                List.of("postgresql://alice:pw@db:5432/tikun?sslmode=require"), Optional.empty(), Optional.empty());

        assertThat(options.getUser()).isEqualTo("alice");
        assertThat(options.getPassword()).isEqualTo("pw");
        assertThat(options.getSslMode().name()).isEqualTo("REQUIRE");
    }

    @Test
    void refusesAMissingUrl() {
        assertThatThrownBy(() -> ListenConnectOptions.of(List.of(), Optional.empty(), Optional.empty()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("quarkus.datasource.reactive.url");
    }
}
