package io.tikun.followup.verification;

import static io.tikun.followup.verification.LinkFixtures.COMMITMENT;
import static io.tikun.followup.verification.LinkFixtures.CURRENT_SECRET;
import static io.tikun.followup.verification.LinkFixtures.EXPIRY;
import static io.tikun.followup.verification.LinkFixtures.FOREIGN_SECRET;
import static io.tikun.followup.verification.LinkFixtures.NOW;
import static io.tikun.followup.verification.LinkFixtures.OLD_SECRET;
import static io.tikun.followup.verification.LinkFixtures.OTHER_COMMITMENT;
import static io.tikun.followup.verification.LinkFixtures.service;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.util.Base64;
import java.util.List;

import org.junit.jupiter.api.Test;

class LinkTamperingTest {

    private static final String ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

    private final SignedLinkService links = service(CURRENT_SECRET, OLD_SECRET);
    private final String token = links.issue(COMMITMENT, LinkAction.CONFIRM_FIXED, EXPIRY);
    private final int dot = token.indexOf('.');

    /** Replaces one character with every other base64url character, so the result is still shaped like a token. */
    private static List<String> everyOneCharacterChange(String token, int position) {
        return ALPHABET.chars()
                .filter(c -> c != token.charAt(position))
                .mapToObj(c -> token.substring(0, position) + (char) c + token.substring(position + 1))
                .toList();
    }

    @Test
    void refusesEveryOneCharacterChangeInThePayload() {
        for (int position = 0; position < dot; position++) {
            for (String altered : everyOneCharacterChange(token, position)) {
                LinkVerification verification = links.verify(altered, null, NOW);

                assertThat(verification.outcome()).as("payload position %d: %s", position, altered)
                        .isEqualTo(LinkOutcome.TAMPERED);
                assertThat(verification.claims()).isEmpty();
            }
        }
    }

    /** Includes the last character, whose low bits base64 decoders commonly ignore. */
    @Test
    void refusesEveryOneCharacterChangeInTheSignature() {
        for (int position = dot + 1; position < token.length(); position++) {
            for (String altered : everyOneCharacterChange(token, position)) {
                assertThat(links.verify(altered, null, NOW).outcome()).as("signature position %d: %s", position, altered)
                        .isEqualTo(LinkOutcome.TAMPERED);
            }
        }
    }

    @Test
    void refusesAPayloadMovedUnderAnotherLinksSignature() {
        String other = links.issue(OTHER_COMMITMENT, LinkAction.CONFIRM_FIXED, EXPIRY);
        String spliced = other.substring(0, dot) + token.substring(dot);

        assertThat(links.verify(spliced, null, NOW).outcome()).isEqualTo(LinkOutcome.TAMPERED);
    }

    @Test
    void refusesAForgedPayloadThatTurnsADenialIntoAConfirmation() {
        String deny = links.issue(COMMITMENT, LinkAction.DENY_FIXED, EXPIRY);
        byte[] payload = Base64.getUrlDecoder().decode(deny.substring(0, dot));
        int actionOffset = 1 + 2 * Long.BYTES;
        payload[actionOffset] = LinkAction.CONFIRM_FIXED.code();
        String forged = Base64.getUrlEncoder().withoutPadding().encodeToString(payload) + deny.substring(dot);

        assertThat(links.verify(forged, COMMITMENT, NOW).outcome()).isEqualTo(LinkOutcome.TAMPERED);
    }

    @Test
    void refusesALinkWhoseExpiryWasPushedBack() {
        String expired = links.issue(COMMITMENT, LinkAction.CSAT, NOW.plusSeconds(60));
        ByteBuffer payload = ByteBuffer.wrap(Base64.getUrlDecoder().decode(expired.substring(0, dot)));
        int expiryOffset = 1 + 2 * Long.BYTES + 1;
        payload.putLong(expiryOffset, EXPIRY.getEpochSecond());
        String extended = Base64.getUrlEncoder().withoutPadding().encodeToString(payload.array())
                + expired.substring(dot);

        assertThat(links.verify(extended, COMMITMENT, NOW.plusSeconds(120)).outcome()).isEqualTo(LinkOutcome.TAMPERED);
    }

    @Test
    void refusesALinkSignedWithSomeoneElsesSecret() {
        String foreign = service(FOREIGN_SECRET).issue(COMMITMENT, LinkAction.CONFIRM_FIXED, EXPIRY);

        assertThat(links.verify(foreign, COMMITMENT, NOW).outcome()).isEqualTo(LinkOutcome.TAMPERED);
    }

    @Test
    void stillAcceptsLinksSignedWithTheOldSecretWhileItIsListed() {
        String signedBeforeRotation = service(OLD_SECRET).issue(COMMITMENT, LinkAction.CONFIRM_FIXED, EXPIRY);

        assertThat(links.verify(signedBeforeRotation, COMMITMENT, NOW).outcome()).isEqualTo(LinkOutcome.VALID);
    }

    @Test
    void signsNewLinksWithTheFirstSecretOnly() {
        String issued = links.issue(COMMITMENT, LinkAction.CSAT, EXPIRY);

        assertThat(service(CURRENT_SECRET).verify(issued, COMMITMENT, NOW).outcome()).isEqualTo(LinkOutcome.VALID);
        assertThat(service(OLD_SECRET).verify(issued, COMMITMENT, NOW).outcome()).isEqualTo(LinkOutcome.TAMPERED);
    }

    @Test
    void refusesLinksSignedWithASecretThatWasRemoved() {
        String signedBeforeRotation = service(OLD_SECRET).issue(COMMITMENT, LinkAction.CONFIRM_FIXED, EXPIRY);
        SignedLinkService afterRetirement = service(CURRENT_SECRET);

        assertThat(afterRetirement.verify(signedBeforeRotation, COMMITMENT, NOW).outcome())
                .isEqualTo(LinkOutcome.TAMPERED);
    }

    @Test
    void refusesASignedPayloadOfAnUnknownVersionAsMalformed() {
        assertThat(links.verify(signedPayload((byte) 2, LinkAction.CSAT.code()), null, NOW).outcome())
                .isEqualTo(LinkOutcome.MALFORMED);
    }

    @Test
    void refusesASignedPayloadWithAnUnknownActionAsMalformed() {
        byte unknownAction = 9;

        assertThat(links.verify(signedPayload(LinkPayload.VERSION, unknownAction), null, NOW).outcome())
                .isEqualTo(LinkOutcome.MALFORMED);
    }

    /** A payload our own key signed but this version cannot read, as a newer release might issue. */
    private static String signedPayload(byte version, byte actionCode) {
        ByteBuffer buffer = ByteBuffer.allocate(LinkPayload.BYTES)
                .put(version)
                .putLong(COMMITMENT.getMostSignificantBits())
                .putLong(COMMITMENT.getLeastSignificantBits())
                .put(actionCode)
                .putLong(EXPIRY.getEpochSecond())
                .put(new byte[LinkPayload.NONCE_BYTES]);
        String payload = Base64.getUrlEncoder().withoutPadding().encodeToString(buffer.array());
        return payload + "." + new LinkSigningKeys(List.of(CURRENT_SECRET)).sign(payload);
    }
}
