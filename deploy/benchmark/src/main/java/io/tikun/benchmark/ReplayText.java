package io.tikun.benchmark;

import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;

/**
 * Writes the text of a replayed complaint the way customers write them: an opening, what happened (by category, with
 * the product's name in the customer's language), sometimes a detail, an order number and a sign-off, so the emerging
 * terms the topology counts have the spread of real complaints and not of a template.
 */
final class ReplayText {

    private static final Map<String, List<String>> OPENINGS = Map.of(
            "he", List.of("שלום רב,", "היי,", "לכבוד שירות הלקוחות,", "אני פונה אליכם בפעם הראשונה.", "",
                    "שלום, אני לקוח שלכם כבר שנים.", "בוקר טוב,", "ערב טוב,"),
            "en", List.of("Hello,", "Hi there,", "To whom it may concern,", "", "Dear support team,",
                    "I have been your customer for years.", "Good morning,", "Hey,"));

    private static final Map<String, Map<String, List<String>>> HAPPENED = Map.of(
            "he", Map.of(
                    "delivery", List.of("ה{p} שהזמנתי לא הגיע במועד שנקבע.", "המשלוח של ה{p} התעכב ואף אחד לא עדכן.",
                            "השליח לא הגיע עם ה{p} למרות שחיכיתי כל היום.", "קיבלתי {p} אחר ממה שהזמנתי."),
                    "billing", List.of("חויבתי פעמיים על ה{p}.", "בחשבונית מופיע סכום גבוה ממה שסוכם על ה{p}.",
                            "יש חיוב בכרטיס האשראי שאני לא מכיר.", "החיוב החודשי עלה בלי שום הודעה."),
                    "refund", List.of("ביטלתי את ה{p} ועדיין לא קיבלתי זיכוי.", "הבטיחו לי החזר כספי על ה{p} ולא קיבלתי.",
                            "החזרתי את ה{p} לפני שבועיים והכסף לא חזר."),
                    "product_defect", List.of("ה{p} הפסיק לעבוד אחרי שבוע.", "ה{p} עושה רעש חזק ולא מפסיק.",
                            "ה{p} נכבה לבד כל כמה דקות.", "ה{p} הגיע שבור מהקופסה.", "ה{p} דולף מים על הרצפה.",
                            "המסך של ה{p} מהבהב."),
                    "installation_or_visit", List.of("הטכנאי לא הגיע להתקין את ה{p}.",
                            "ההתקנה של ה{p} נעשתה ברשלנות.", "קבעו לי ביקור טכנאי ל{p} ואף אחד לא הופיע."),
                    "staff_behaviour", List.of("הנציג דיבר אליי בגסות כשהתקשרתי בנוגע ל{p}.",
                            "המוכרת בסניף התעלמה ממני.", "ניתקו לי את השיחה באמצע."),
                    "waiting_time", List.of("חיכיתי שעה על הקו בשביל לשאול על ה{p}.",
                            "אני מחכה כבר שלושה שבועות לתשובה.", "אף אחד לא חוזר אליי כבר חודש."),
                    "other", List.of("יש לי שאלה לגבי האחריות על ה{p}.", "לא ברור לי איך מפעילים את ה{p}.",
                            "רציתי להעיר על האתר שלכם.")),
            "en", Map.of(
                    "delivery", List.of("My {p} did not arrive on the promised date.",
                            "The {p} delivery was delayed and nobody told me.",
                            "The courier never showed up with my {p}.", "I received a different {p} from the one I ordered."),
                    "billing", List.of("I was charged twice for the {p}.", "The invoice for the {p} is higher than agreed.",
                            "There is a charge on my card I do not recognise.", "My monthly bill went up without notice."),
                    "refund", List.of("I cancelled the {p} and still have no refund.",
                            "You promised a refund for the {p} and it never came.",
                            "I returned the {p} two weeks ago and the money is not back."),
                    "product_defect", List.of("The {p} stopped working after a week.", "The {p} makes a loud noise.",
                            "The {p} switches itself off every few minutes.", "The {p} arrived broken.",
                            "The {p} leaks water on the floor.", "The screen of the {p} flickers."),
                    "installation_or_visit", List.of("The technician never came to install the {p}.",
                            "The {p} installation was sloppy.", "A visit was booked for my {p} and nobody came."),
                    "staff_behaviour", List.of("The agent was rude when I called about my {p}.",
                            "The shop assistant ignored me.", "They hung up on me mid-call."),
                    "waiting_time", List.of("I waited an hour on the phone about the {p}.",
                            "I have been waiting three weeks for an answer.", "Nobody has called me back for a month."),
                    "other", List.of("I have a question about the {p} warranty.", "It is not clear how to operate the {p}.",
                            "A remark about your website.")));

    private static final Map<String, List<String>> DETAILS = Map.of(
            "he", List.of("זה כבר הפעם השנייה.", "יש לי ילדים קטנים בבית וזה ממש לא נוח.", "שילמתי הרבה כסף.",
                    "דיברתי עם שלושה נציגים שונים.", "אני מצרף תמונה.", "זה לא מקובל עליי.", "אני מאוכזב מאוד.",
                    "חבר המליץ לי עליכם.", "אני עובד ולא יכול לחכות בבית כל היום.", "אני מבקש שמישהו יחזור אליי.",
                    "קניתי בסניף בחיפה.", "קניתי באתר.", "", "", ""),
            "en", List.of("This is the second time.", "I have small kids at home.", "I paid a lot for it.",
                    "I spoke to three different agents.", "Photo attached.", "This is unacceptable.",
                    "I am very disappointed.", "A friend recommended you.", "I work and cannot wait at home all day.",
                    "Please have someone call me back.", "Bought it at the Haifa branch.", "Bought it online.", "", "",
                    ""));

    private static final Map<String, List<String>> SIGN_OFFS = Map.of(
            "he", List.of("תודה", "בברכה", "", "מחכה לתשובה", "דחוף!!"),
            "en", List.of("Thanks", "Regards", "", "Waiting for your answer", "URGENT!!"));

    /** A defect no one has named yet: the emerging term a spike is about, in each language. */
    static final Map<String, List<String>> NOVEL_DEFECTS = Map.of(
            "he", List.of("יוצאים ניצוצות מה{p} כשמחברים אותו לחשמל.", "ראיתי ניצוצות ליד התקע של ה{p}.",
                    "פתאום ניצוצות מאחורי ה{p}, נבהלתי."),
            "en", List.of("Sparks come out of the {p} when it is plugged in.", "I saw sparks near the {p} plug.",
                    "Sudden sparks behind the {p}, I got scared."));

    /** The emerging term a novel-defect spike should raise, per language (the word the analysis counts). */
    static final Map<String, String> NOVEL_TERM = Map.of("he", "ניצוצות", "en", "sparks");

    private final RandomGenerator random;

    ReplayText(RandomGenerator random) {
        this.random = random;
    }

    /** The subject line and body of one complaint. */
    record Written(String subject, String body) {
    }

    Written complaint(String language, String category, String productName, String orderNumber) {
        return write(language, pick(HAPPENED.get(language).get(category)), productName, orderNumber);
    }

    Written novelDefect(String language, String productName, String orderNumber) {
        return write(language, pick(NOVEL_DEFECTS.get(language)), productName, orderNumber);
    }

    private Written write(String language, String happened, String productName, String orderNumber) {
        String event = happened.replace("ה{p}", definite(productName)).replace("{p}", productName);
        StringBuilder text = new StringBuilder();
        append(text, pick(OPENINGS.get(language)));
        append(text, event);
        append(text, pick(DETAILS.get(language)));
        if (random.nextInt(3) == 0) {
            append(text, pick(DETAILS.get(language)));
        }
        if (orderNumber != null) {
            append(text, ("he".equals(language) ? "מספר הזמנה " : "Order number ") + orderNumber);
        }
        append(text, pick(SIGN_OFFS.get(language)));
        // customers title a mail with the start of what happened, or leave it empty (a web form or a post)
        int cut = event.indexOf(' ', Math.min(event.length() - 1, 18));
        String subject = random.nextInt(4) == 0 ? "" : cut < 0 ? event : event.substring(0, cut);
        return new Written(subject, text.toString());
    }

    /** Hebrew puts the article on the last word of a construct ("מכונת הכביסה"), on the word otherwise. */
    private static String definite(String hebrewName) {
        int space = hebrewName.lastIndexOf(' ');
        return space < 0 ? "ה" + hebrewName : hebrewName.substring(0, space + 1) + "ה" + hebrewName.substring(space + 1);
    }

    private String pick(List<String> options) {
        return options.get(random.nextInt(options.size()));
    }

    private static void append(StringBuilder text, String part) {
        if (!part.isBlank()) {
            text.append(text.isEmpty() ? "" : " ").append(part);
        }
    }
}
