package io.tikun.followup.verification;

import static io.tikun.followup.verification.LinkFixtures.CLOCK;
import static io.tikun.followup.verification.LinkFixtures.COMMITMENT;
import static io.tikun.followup.verification.LinkFixtures.CURRENT_SECRET;
import static io.tikun.followup.verification.LinkFixtures.NOW;
import static io.tikun.followup.verification.LinkFixtures.OLD_SECRET;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.smallrye.config.EnvConfigSource;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfigBuilder;
import io.tikun.followup.FollowupConfig;

/** Reads the service's real application.properties, so the link settings shipped are the ones tested. */
class LinkConfigTest {

    /** Above application.properties (250), as in Quarkus. */
    private static final int ENVIRONMENT_ORDINAL = 300;
    private static final int PROPERTIES_ORDINAL = 250;

    private static FollowupConfig config(String profile, Map<String, String> environment) {
        URL properties = LinkConfigTest.class.getClassLoader().getResource("application.properties");
        try {
            return new SmallRyeConfigBuilder()
                    .withProfile(profile)
                    .withSources(new PropertiesConfigSource(properties, PROPERTIES_ORDINAL))
                    .withSources(new EnvConfigSource(environment, ENVIRONMENT_ORDINAL))
                    .withMapping(FollowupConfig.class)
                    // the other mappings under tikun.followup, so their keys count as known (and must parse)
                    .withMapping(io.tikun.followup.churn.ChurnConfig.class)
                    .withMapping(io.tikun.followup.returns.ReturnConfig.class)
                    .build()
                    .getConfigMapping(FollowupConfig.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = { "dev", "test" })
    void signsLinksWithTheLocalSecretInDevAndTest(String profile) {
        SignedLinkService links = new SignedLinkService(config(profile, Map.of()), CLOCK);

        String token = links.issueLink(COMMITMENT, LinkAction.CONFIRM_FIXED).token();

        assertThat(links.verify(token, COMMITMENT, NOW).isValid()).isTrue();
    }

    @Test
    void shipsNoSecretForProductionAndRefusesToSignWithout() {
        FollowupConfig production = config("prod", Map.of());

        assertThat(production.links().secrets()).isEmpty();
        assertThatIllegalStateException().isThrownBy(() -> new SignedLinkService(production, CLOCK))
                .withMessageContaining("TIKUN_FOLLOWUP_LINKS_SECRETS");
    }

    @Test
    void takesRotatedSecretsFromTheEnvironmentNewestFirst() {
        FollowupConfig production = config("prod",
                Map.of("TIKUN_FOLLOWUP_LINKS_SECRETS", CURRENT_SECRET + "," + OLD_SECRET));
        SignedLinkService links = new SignedLinkService(production, CLOCK);
        String signedBeforeRotation = LinkFixtures.service(OLD_SECRET).issue(COMMITMENT, LinkAction.CSAT,
                LinkFixtures.EXPIRY);

        assertThat(production.links().secrets()).contains(List.of(CURRENT_SECRET, OLD_SECRET));
        assertThat(links.verify(signedBeforeRotation, COMMITMENT, NOW).isValid()).isTrue();
        assertThat(LinkFixtures.service(CURRENT_SECRET)
                .verify(links.issueLink(COMMITMENT, LinkAction.CSAT).token(), COMMITMENT, NOW).isValid()).isTrue();
    }

    @Test
    void defaultsToFourteenDaysAndTheLocalVerifyPage() {
        FollowupConfig production = config("prod", Map.of());

        assertThat(production.links().ttl()).isEqualTo(Duration.ofDays(14));
        assertThat(production.links().baseUrl()).isEqualTo("http://127.0.0.1:8083/verify");
    }

    @Test
    void issuesLinksUnderTheConfiguredBaseUrl() {
        FollowupConfig production = config("prod", Map.of(
                "TIKUN_FOLLOWUP_LINKS_SECRETS", CURRENT_SECRET,
                "TIKUN_FOLLOWUP_LINKS_BASE_URL", "https://service.example.co.il/verify",
                "TIKUN_FOLLOWUP_LINKS_TTL", "P7D"));

        IssuedLink link = new SignedLinkService(production, CLOCK).issueLink(COMMITMENT, LinkAction.CSAT);

        assertThat(link.url().toString()).startsWith("https://service.example.co.il/verify?token=");
        assertThat(link.expiresAt()).isEqualTo(NOW.plus(Duration.ofDays(7)));
    }
}
