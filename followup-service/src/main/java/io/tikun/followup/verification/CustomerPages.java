package io.tikun.followup.verification;

import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import io.tikun.followup.FollowupConfig;
import io.tikun.followup.commitment.CommitmentStatus;
import io.tikun.followup.commitment.CommitmentView;
import io.tikun.followup.verification.CustomerAnswer.Refusal;

/**
 * The small HTML pages a customer sees after following a link. Everything that comes from outside (the promise,
 * the name, the token) is HTML-escaped. Hebrew is added for a Hebrew-speaking customer, as in the e-mail that held the
 * link (see {@link CustomerLanguages}), and whenever the commitment is unknown.
 */
@ApplicationScoped
public class CustomerPages {

    /** The media type of every customer page. */
    public static final String HTML = MediaType.TEXT_HTML + ";charset=UTF-8";

    private static final String CONTENT_POLICY = "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; "
            + "frame-ancestors 'none'";

    /** A page with its HTTP status. */
    public record Page(int status, String html) {
    }

    /** Both languages of one piece of text. */
    public record Text(String english, String hebrew) {
    }

    private final Optional<String> supportPhone;

    public CustomerPages(FollowupConfig config) {
        this.supportPhone = config.customers().supportPhone().filter(phone -> !phone.isBlank());
    }

    /** Asks the customer to confirm the answer the link stands for; only the form's POST changes anything. */
    public Page ask(CustomerAnswer ready, String token) {
        CommitmentView c = ready.commitment();
        boolean confirm = ready.action() == LinkAction.CONFIRM_FIXED;
        Text title = confirm ? new Text("Was it done?", "האם זה בוצע?") : new Text("It was not done?", "זה לא בוצע?");
        Text question = confirm
                ? new Text("Please confirm that what we promised was done.", "נא לאשר שמה שהבטחנו אכן בוצע.")
                : new Text("Please tell us what is still wrong, so that we can put it right.",
                        "נא לספר לנו מה עדיין לא תקין, כדי שנוכל לתקן.");
        Text comment = confirm ? new Text("Anything you would like to add (optional)", "משהו להוסיף? (לא חובה)")
                : new Text("What is still wrong?", "מה עדיין לא תקין?");
        Text button = confirm ? new Text("Yes, it was done", "כן, זה בוצע") : new Text("No, it was not done", "לא, זה לא בוצע");
        boolean hebrew = ready.language().hebrew();
        String promise = "<blockquote dir=\"auto\">" + escape(c.what()) + "</blockquote>"
                + "<p class=\"ref\">" + escape(c.reference()) + "</p>";
        String form = "<form method=\"post\" action=\"verify\" accept-charset=\"UTF-8\">"
                + "<input type=\"hidden\" name=\"token\" value=\"" + escape(token) + "\">"
                + "<label for=\"comment\">" + both(comment, hebrew, " / ") + "</label>"
                + "<textarea id=\"comment\" name=\"comment\" dir=\"auto\" rows=\"4\" maxlength=\""
                + CustomerAnswerService.MAX_COMMENT + "\"></textarea>"
                + "<button type=\"submit\">" + both(button, hebrew, " / ") + "</button></form>";
        return page(Response.Status.OK, title, question, hebrew, promise + form);
    }

    /** After the answer was recorded. */
    public Page thanks(CustomerAnswer recorded) {
        CommitmentView c = recorded.commitment();
        boolean hebrew = recorded.language().hebrew();
        if (c.status() == CommitmentStatus.VERIFIED) {
            return page(Response.Status.OK, new Text("Thank you", "תודה רבה"),
                    new Text("Thank you for confirming. We are glad it was done.", "תודה על האישור. שמחים שזה בוצע."),
                    hebrew, "");
        }
        Text next = c.status() == CommitmentStatus.BROKEN
                ? new Text("We are sorry we let you down again. A manager has been told and will contact you.",
                        "אנחנו מצטערים שאכזבנו שוב. מנהל/ת עודכן/ה ויצור/תיצור איתך קשר.")
                : new Text("We are sorry it is not done yet. The person responsible has been told and will contact you.",
                        "אנחנו מצטערים שזה עדיין לא בוצע. האחראי/ת עודכן/ה ויחזור/תחזור אליך.");
        return page(Response.Status.OK, new Text("Thank you for telling us", "תודה שסיפרת לנו"), next, hebrew, "");
    }

    /** Why the link did nothing, and what the customer can do instead. Always in both languages. */
    public Page refused(Refusal refusal) {
        Text title;
        Text why;
        Response.Status status;
        switch (refusal) {
            case MALFORMED -> {
                status = Response.Status.BAD_REQUEST;
                title = new Text("This link is incomplete", "הקישור אינו שלם");
                why = new Text("The link did not arrive whole, perhaps because it was split across lines. "
                        + "Open it again from our e-mail, or copy the whole link into your browser.",
                        "הקישור לא הגיע במלואו, אולי כי נשבר בין שורות. "
                                + "אפשר לפתוח אותו שוב מהמייל שלנו, או להעתיק את כל הקישור לדפדפן.");
            }
            case TAMPERED -> {
                status = Response.Status.BAD_REQUEST;
                title = new Text("This link is not valid", "הקישור אינו תקף");
                why = new Text("The link was changed, or it did not come from us, so we cannot use it. "
                        + "Open the link from our e-mail again without changing it.",
                        "הקישור שונה או שלא נשלח על ידינו, ולכן אי אפשר להשתמש בו. "
                                + "אפשר לפתוח שוב את הקישור מהמייל שלנו בלי לשנות אותו.");
            }
            case WRONG_LINK -> {
                status = Response.Status.BAD_REQUEST;
                title = new Text("This link is for another page", "הקישור מיועד לדף אחר");
                why = new Text("This link is not for answering whether a repair was done.",
                        "הקישור הזה אינו מיועד לאישור ביצוע תיקון.");
            }
            case EXPIRED -> {
                status = Response.Status.GONE;
                title = new Text("This link has expired", "תוקף הקישור פג");
                why = new Text("Links work for a limited time, and this one has run out.",
                        "הקישורים בתוקף לזמן מוגבל, ותוקפו של קישור זה הסתיים.");
            }
            case ALREADY_USED -> {
                status = Response.Status.CONFLICT;
                title = new Text("This link was already used", "כבר השתמשו בקישור הזה");
                why = new Text("We already received your answer through this link. Thank you.",
                        "כבר קיבלנו את תשובתך דרך הקישור הזה. תודה.");
            }
            case ALREADY_ANSWERED -> {
                status = Response.Status.CONFLICT;
                title = new Text("We already have an answer", "כבר יש לנו תשובה");
                why = new Text("This request has already been answered, or it no longer waits for an answer.",
                        "כבר התקבלה תשובה לפנייה הזאת, או שהיא כבר אינה ממתינה לתשובה.");
            }
            case UNKNOWN_COMMITMENT -> {
                status = Response.Status.NOT_FOUND;
                title = new Text("We cannot find this request", "לא מצאנו את הפנייה");
                why = new Text("We could not find what this link is about.", "לא מצאנו את מה שהקישור מתייחס אליו.");
            }
            default -> throw new IllegalArgumentException("no page for " + refusal);
        }
        return page(status, title, why, true, "<p>" + both(whatToDo(), true, "<br>") + "</p>");
    }

    /** Something failed on our side; the customer may try again. */
    public Page unavailable() {
        return page(Response.Status.SERVICE_UNAVAILABLE, new Text("Something went wrong on our side", "משהו השתבש אצלנו"),
                new Text("Your answer was not recorded. Please try again in a few minutes.",
                        "התשובה לא נשמרה. נא לנסות שוב בעוד כמה דקות."),
                true, "<p>" + both(whatToDo(), true, "<br>") + "</p>");
    }

    private Text whatToDo() {
        String en = "Nothing was changed. To tell us whether it was done, simply reply to the e-mail we sent you";
        String he = "לא שונה דבר. כדי לספר לנו אם זה בוצע, פשוט השיבו למייל ששלחנו";
        if (supportPhone.isEmpty()) {
            return new Text(escape(en) + ".", escape(he) + ".");
        }
        String phone = "<a href=\"tel:" + escape(supportPhone.get()) + "\" dir=\"ltr\">" + escape(supportPhone.get())
                + "</a>";
        return new Text(escape(en) + " or call us at " + phone + ".", escape(he) + " או התקשרו אלינו: " + phone + ".");
    }

    /** {@code text} is trusted markup here: every caller escapes what it did not write itself. */
    public static String both(Text text, boolean hebrew, String separator) {
        return hebrew ? "<span lang=\"he\" dir=\"rtl\">" + text.hebrew() + "</span>" + separator
                + "<span lang=\"en\" dir=\"ltr\">" + text.english() + "</span>" : text.english();
    }

    /**
     * A whole page: the title, a lead paragraph and {@code content} (trusted markup). Hebrew pages are laid out right
     * to left, with the English parts marked left to right.
     */
    public static Page page(Response.Status status, Text title, Text lead, boolean hebrew, String content) {
        String html = "<!DOCTYPE html><html lang=\"" + (hebrew ? "he\" dir=\"rtl" : "en") + "\"><head><meta charset=\"utf-8\">"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
                + "<meta name=\"robots\" content=\"noindex\">"
                + "<title>" + (hebrew ? title.hebrew() + " / " : "") + title.english() + "</title>"
                + "<style>body{font-family:system-ui,sans-serif;max-width:36rem;margin:2rem auto;padding:0 1rem;"
                + "line-height:1.5}blockquote{border-inline-start:4px solid #888;margin:1rem 0;padding:.5rem 1rem}"
                + ".ref{color:#555}label,textarea,button{display:block;width:100%;margin:.5rem 0}"
                + "button{padding:.75rem;font-size:1.1rem}</style></head><body>"
                + "<h1>" + both(title, hebrew, " / ") + "</h1>"
                + "<p>" + both(lead, hebrew, "<br>") + "</p>"
                + content + "</body></html>";
        return new Page(status.getStatusCode(), html);
    }

    /**
     * The response for a page. The token is in the page's URL: keep it out of caches, other sites' Referer headers
     * and search engines, and let the page load nothing but its own inline style.
     */
    public static Response respond(Page page) {
        return Response.status(page.status())
                .type(HTML)
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .header("Referrer-Policy", "no-referrer")
                .header("Content-Security-Policy", CONTENT_POLICY)
                .header("X-Robots-Tag", "noindex")
                .entity(page.html())
                .build();
    }

    /** The five characters that matter in HTML text and attribute values. */
    public static String escape(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(text.length());
        text.codePoints().forEach(c -> {
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.appendCodePoint(c);
            }
        });
        return out.toString();
    }
}
