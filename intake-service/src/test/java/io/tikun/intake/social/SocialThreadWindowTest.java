package io.tikun.intake.social;

import static io.tikun.intake.social.SocialPayloads.deliverMeta;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.path.json.JsonPath;
import io.tikun.stack.testing.KafkaTestResource;
import io.tikun.stack.testing.MailSandboxTestResource;
import io.tikun.stack.testing.MongoTestResource;

@QuarkusTest
@TestProfile(MovableClockProfile.class)
@QuarkusTestResource(KafkaTestResource.class)
@QuarkusTestResource(MongoTestResource.class)
@QuarkusTestResource(OidcWiremockTestResource.class)
@QuarkusTestResource(MailSandboxTestResource.class)
class SocialThreadWindowTest {

    @Inject
    MovableClock clock;

    @ConfigProperty(name = "tikun.channels.thread-window")
    Duration window;

    private static JsonPath item(io.restassured.response.Response response) {
        return response.then().statusCode(200).extract().jsonPath().setRootPath("complaints[0]");
    }

    @Test
    void aDirectMessageAfterTheConversationWentQuietForTheWindowOpensANewComplaintThatLaterMessagesContinue() {
        String psid = SocialThreadingTest.fresh();
        JsonPath first = item(deliverMeta(SocialPayloads.messenger(psid, "m_" + SocialThreadingTest.fresh(),
                "The washing machine leaks.", 1763866800000L)));

        clock.advance(window.minusMinutes(1));
        JsonPath withinWindow = item(deliverMeta(SocialPayloads.messenger(psid, "m_" + SocialThreadingTest.fresh(),
                "Still leaking.", 1764471540000L)));
        assertThat(withinWindow.getString("complaintId")).isEqualTo(first.getString("complaintId"));

        // The window counts from the conversation's last message, not from the complaint's first.
        clock.advance(Duration.ofMinutes(2));
        JsonPath pastFirstWithinLast = item(deliverMeta(SocialPayloads.messenger(psid, "m_" + SocialThreadingTest.fresh(),
                "Hello?", 1764471660000L)));
        assertThat(pastFirstWithinLast.getString("complaintId")).isEqualTo(first.getString("complaintId"));

        clock.advance(window.plusMinutes(1));
        JsonPath afterWindow = item(deliverMeta(SocialPayloads.messenger(psid, "m_" + SocialThreadingTest.fresh(),
                "Now the dryer is broken too.", 1765076400000L)));
        assertThat(afterWindow.getBoolean("created")).isTrue();
        assertThat(afterWindow.getString("complaintId")).isNotEqualTo(first.getString("complaintId"));

        JsonPath next = item(deliverMeta(SocialPayloads.messenger(psid, "m_" + SocialThreadingTest.fresh(),
                "Please send a technician.", 1765076460000L)));
        assertThat(next.getString("complaintId")).isEqualTo(afterWindow.getString("complaintId"));
    }
}
