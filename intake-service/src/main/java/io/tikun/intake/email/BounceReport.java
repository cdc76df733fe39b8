package io.tikun.intake.email;

import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * What an RFC 3464 delivery status notification says about one of our mails: its Message-ID (without angle brackets,
 * from the returned headers; null when the report returned none) and, per recipient, what became of it.
 */
public record BounceReport(String originalMessageId, List<RecipientStatus> recipients) {

    /** Longest reason kept: a Diagnostic-Code may quote a whole SMTP conversation. */
    static final int MAX_REASON = 500;

    public BounceReport {
        recipients = List.copyOf(recipients);
    }

    /** The recipients the reporting server gave up on for good. */
    public List<RecipientStatus> permanentFailures() {
        return recipients.stream().filter(RecipientStatus::permanentFailure).toList();
    }

    /** RFC 3464 section 2.3.3: what the reporting server did with the message for this recipient. */
    public enum Action {
        FAILED,
        DELAYED,
        DELIVERED,
        RELAYED,
        EXPANDED,
        /** A missing or non-standard Action field. */
        UNKNOWN;

        static Action of(String value) {
            if (value == null) {
                return UNKNOWN;
            }
            // "failed (bad destination mailbox address)": some servers add a comment
            String word = value.strip().split("[\\s(;]", 2)[0].toUpperCase(Locale.ROOT);
            for (Action action : values()) {
                if (action.name().equals(word)) {
                    return action;
                }
            }
            return UNKNOWN;
        }
    }

    /**
     * One per-recipient block.
     *
     * @param finalRecipient the Final-Recipient address (type such as {@code rfc822;} and angle brackets removed)
     * @param originalRecipient the Original-Recipient address, or null
     * @param status the RFC 3463 status code ({@code 5.1.1}), or null when absent or unreadable
     * @param diagnosticCode the remote server's answer without its type ({@code 550 5.1.1 <…>: User unknown}), or null
     * @param remoteMta the Remote-MTA without its type, or null
     */
    public record RecipientStatus(String finalRecipient, String originalRecipient, Action action, String status,
            String diagnosticCode, String remoteMta) {

        /** Failed with a 5.x.x status: the server will not try again, the recipient never gets the message. */
        public boolean permanentFailure() {
            return action == Action.FAILED && status != null && status.startsWith("5.");
        }

        /** The addresses this block names (final, then original), for matching the address a mail went to. */
        public List<String> addresses() {
            return Stream.of(finalRecipient, originalRecipient).filter(a -> a != null && !a.isBlank())
                    .distinct().toList();
        }

        /** {@code bounce 5.1.1: 550 5.1.1 <dana@example.com>: … User unknown}, at most 500 characters. */
        public String reason() {
            String reason = "bounce " + (status == null ? "(no status)" : status)
                    + (diagnosticCode == null || diagnosticCode.isBlank() ? "" : ": " + diagnosticCode);
            return reason.length() <= MAX_REASON ? reason
                    : reason.substring(0, reason.offsetByCodePoints(0, reason.codePointCount(0, MAX_REASON) - 1)) + "…";
        }
    }
}
