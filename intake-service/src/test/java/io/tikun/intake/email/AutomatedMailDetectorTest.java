package io.tikun.intake.email;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

class AutomatedMailDetectorTest {

    private static final EmailAddress CUSTOMER = new EmailAddress("Dana", "dana@example.com");

    private final AutomatedMailDetector detector = new AutomatedMailDetector();

    @Test
    void treatsAutoSubmittedNoAsHuman() {
        AutomatedSignal signal = detector.detect(List.of(new HeaderField("Auto-Submitted", "no")), CUSTOMER,
                "Complaint", Set.of());

        assertThat(signal.kind()).isEqualTo(AutomatedKind.NONE);
        assertThat(signal.evidence()).isEmpty();
    }

    @Test
    void doesNotTrustAnOutOfOfficeSubjectAlone() {
        AutomatedSignal signal = detector.detect(List.of(), CUSTOMER, "Out of office again?! Nobody answers", Set.of());

        assertThat(signal.kind()).isEqualTo(AutomatedKind.NONE);
    }

    @Test
    void combinesAutoReplySubjectWithNullReturnPath() {
        AutomatedSignal signal = detector.detect(List.of(new HeaderField("Return-Path", "<>")), CUSTOMER,
                "Out of Office: re your case", Set.of());

        assertThat(signal.kind()).isEqualTo(AutomatedKind.AUTO_REPLY);
        assertThat(signal.evidence()).containsExactly("Return-Path: <>", "Subject: Out of Office: re your case");
    }

    @Test
    void classifiesPrecedenceJunkAsBulk() {
        AutomatedSignal signal = detector.detect(List.of(new HeaderField("Precedence", "junk")), CUSTOMER, "Hi",
                Set.of());

        assertThat(signal.kind()).isEqualTo(AutomatedKind.BULK);
        assertThat(signal.evidence()).containsExactly("Precedence: junk");
    }

    @Test
    void classifiesDeliveryStatusPartAndPostmasterAsBounce() {
        AutomatedSignal signal = detector.detect(List.of(), new EmailAddress(null, "postmaster@example.com"),
                "Delivery failure", Set.of("message/delivery-status"));

        assertThat(signal.kind()).isEqualTo(AutomatedKind.BOUNCE);
        assertThat(signal.evidence()).containsExactly("part Content-Type: message/delivery-status",
                "From: postmaster@example.com");
    }

    @Test
    void bounceWinsOverAutoReplyAndBulk() {
        AutomatedSignal signal = detector.detect(List.of(new HeaderField("Auto-Submitted", "auto-replied"),
                new HeaderField("List-Id", "<list.example.com>")), new EmailAddress(null, "MAILER-DAEMON@x.example"),
                "Undeliverable", Set.of());

        assertThat(signal.kind()).isEqualTo(AutomatedKind.BOUNCE);
    }

    @Test
    void readReceiptReportIsAnAutoReply() {
        AutomatedSignal signal = detector.detect(
                List.of(new HeaderField("Content-Type",
                        "multipart/report; report-type=disposition-notification; boundary=x")),
                CUSTOMER, "Read: your case", Set.of());

        assertThat(signal.kind()).isEqualTo(AutomatedKind.AUTO_REPLY);
    }
}
