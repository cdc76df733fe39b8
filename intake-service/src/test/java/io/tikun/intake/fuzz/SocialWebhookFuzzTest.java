package io.tikun.intake.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import com.code_intelligence.jazzer.junit.FuzzTest;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.tikun.intake.social.GenericWebhookParser;
import io.tikun.intake.social.MetaWebhookParser;
import io.tikun.intake.social.Network;
import io.tikun.intake.social.ParsedWebhook;
import io.tikun.intake.social.SocialMessage;
import io.tikun.intake.social.SocialWebhookException;
import io.tikun.intake.social.XWebhookParser;

/**
 * Fuzzes the Meta (Facebook, Messenger, Instagram, WhatsApp), X and generic webhook parsers with arbitrary bodies,
 * seeded from the provider-shaped fixtures (in {@code SocialWebhookFuzzTestInputs}): each must return messages or
 * refuse with {@link SocialWebhookException}, never fail otherwise.
 */
class SocialWebhookFuzzTest {

    private static final String GENERIC_NETWORK = "tiktok";

    private final ObjectMapper mapper = new ObjectMapper();
    private final MetaWebhookParser meta = new MetaWebhookParser(mapper);
    private final XWebhookParser x = new XWebhookParser(mapper);
    private final GenericWebhookParser generic = new GenericWebhookParser(mapper);

    @FuzzTest(maxDuration = "15s")
    void metaParserRefusesOrParsesAnyBody(byte[] body) {
        List<SocialMessage> messages;
        try {
            messages = meta.parse(body);
        } catch (SocialWebhookException refused) {
            assertThat(refused.getMessage()).isNotBlank();
            return;
        }
        assertWellFormed(messages);
        assertThat(messages).allSatisfy(m -> assertThat(m.rawFragment()).startsWith("/entry/"));
    }

    @FuzzTest(maxDuration = "15s")
    void xParserRefusesOrParsesAnyBody(byte[] body) {
        ParsedWebhook parsed;
        try {
            parsed = x.read(body);
        } catch (SocialWebhookException refused) {
            assertThat(refused.getMessage()).isNotBlank();
            return;
        }
        assertWellFormed(parsed.messages());
        assertThat(parsed.messages()).allSatisfy(m -> assertThat(m.network()).isEqualTo(Network.X));
        assertThat(parsed.ownReplies()).doesNotContainNull();
    }

    @FuzzTest(maxDuration = "15s")
    void genericParserRefusesOrParsesAnyBody(byte[] body) {
        List<SocialMessage> messages;
        try {
            messages = generic.parse(GENERIC_NETWORK, body);
        } catch (SocialWebhookException refused) {
            assertThat(refused.getMessage()).isNotBlank();
            return;
        }
        // the generic contract carries exactly one message per request
        assertThat(messages).hasSize(1);
        assertWellFormed(messages);
        assertThat(messages.get(0).genericNetwork()).isEqualTo(GENERIC_NETWORK);
    }

    private static void assertWellFormed(List<SocialMessage> messages) {
        assertThat(messages).doesNotContainNull().allSatisfy(m -> {
            // ids are "<network prefix>:<provider id>": a bare prefix would merge unrelated threads (a provider id
            // may itself end with ':', as a fuzzed Messenger mid did, so what follows the prefix is checked)
            assertThat(providerPart(m.providerMessageId())).isNotBlank();
            assertThat(providerPart(m.conversationId())).isNotBlank();
            assertThat(m.author().id()).isNotNull();
            if (m.reach() != null) {
                assertThat(m.reach()).isNotNegative();
            }
        });
    }

    /** What follows the network prefix of a Tikun id ("messenger:m_1" gives "m_1"); fails the test without a prefix. */
    private static String providerPart(String id) {
        assertThat(id).contains(":");
        return id.substring(id.indexOf(':') + 1);
    }
}
