package io.tikun.routing.notification;

import io.quarkus.qute.TemplateData;

/**
 * What the notification templates say about a case, already formatted for the recipient's language
 * (times in the configured zone, absent values as a dash).
 */
@TemplateData
public record AlertFacts(String reference, String severity, String level, String fromLevel, String customerName,
        String phone, String email, String channel, String subject, String summary, String reason, String assignee,
        String firstResponseDue, String callbackDue, String caseLink, String lang, String dir) {
}
