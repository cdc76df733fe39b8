package io.tikun.routing.notification;

import io.quarkus.qute.TemplateData;

/**
 * What the notification templates say about a case, already formatted for the recipient's language
 * (times in the configured zone, absent values as a dash). {@code cause} is the one-line account of why an
 * escalation happened, worded for its reason code (a dash for the other kinds).
 */
@TemplateData
public record AlertFacts(String reference, String severity, String level, String fromLevel, String customerName,
        String phone, String email, String channel, String subject, String summary, String reason, String assignee,
        String firstResponseDue, String callbackDue, String caseLink, String lang, String dir, String cause) {

    /** The same facts with the escalation's cause worded. */
    AlertFacts withCause(String worded) {
        return new AlertFacts(reference, severity, level, fromLevel, customerName, phone, email, channel, subject,
                summary, reason, assignee, firstResponseDue, callbackDue, caseLink, lang, dir, worded);
    }
}
