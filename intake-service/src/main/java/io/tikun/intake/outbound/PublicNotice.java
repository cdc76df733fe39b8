package io.tikun.intake.outbound;

import java.util.Map;

/**
 * The short answer that may be posted under a customer's public comment or tweet: the reference and an invitation to
 * continue privately, nothing personal (anyone can read it); the substance goes by direct message.
 */
final class PublicNotice {

    private static final Map<String, String> TEXTS = Map.of(
            "he", "עדכנו אותך בהודעה פרטית בנוגע לפנייה %s. נשמח להמשיך שם.",
            "en", "We have sent you a private message about %s. Let's continue there.",
            "ar", "أرسلنا إليك رسالة خاصة بخصوص %s. لنتابع هناك.",
            "ru", "Мы отправили вам личное сообщение по обращению %s. Давайте продолжим там.");

    private PublicNotice() {
    }

    static String text(String language, String reference) {
        return TEXTS.getOrDefault(language, TEXTS.get("en")).formatted(reference);
    }
}
