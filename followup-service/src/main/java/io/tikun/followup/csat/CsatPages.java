package io.tikun.followup.csat;

import static io.tikun.followup.verification.CustomerPages.both;
import static io.tikun.followup.verification.CustomerPages.escape;

import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.Response;

import io.tikun.followup.FollowupConfig;
import io.tikun.followup.verification.CustomerAnswerService;
import io.tikun.followup.verification.CustomerPages;
import io.tikun.followup.verification.CustomerPages.Page;
import io.tikun.followup.verification.CustomerPages.Text;

/**
 * The satisfaction survey a customer reaches from the thank-you e-mail: 1 to 5 and a comment, right to left in
 * Hebrew. Built on {@link CustomerPages}, so it escapes and looks like the verification pages.
 */
@ApplicationScoped
public class CsatPages {

    private final Optional<String> supportPhone;

    public CsatPages(FollowupConfig config) {
        this.supportPhone = config.customers().supportPhone().filter(phone -> !phone.isBlank());
    }

    /** The form; only its POST records anything. */
    public Page ask(CsatAnswer ready, String token) {
        boolean hebrew = ready.language().hebrew();
        StringBuilder scores = new StringBuilder("<fieldset><legend>")
                .append(both(new Text("Your rating: 1 = very poor, 5 = excellent",
                        "הדירוג שלך: 1 = גרוע מאוד, 5 = מצוין"), hebrew, " / "))
                .append("</legend>");
        for (int score = CsatService.LOWEST_SCORE; score <= CsatService.HIGHEST_SCORE; score++) {
            scores.append("<label class=\"score\"><input type=\"radio\" name=\"score\" value=\"").append(score)
                    .append("\" required> ").append(score).append("</label>");
        }
        scores.append("</fieldset>");
        String form = "<blockquote dir=\"auto\">" + escape(ready.about()) + "</blockquote>"
                + "<p class=\"ref\">" + escape(ready.reference()) + "</p>"
                + "<form method=\"post\" action=\"csat\" accept-charset=\"UTF-8\">"
                + "<input type=\"hidden\" name=\"token\" value=\"" + escape(token) + "\">"
                + scores
                + "<label for=\"comment\">" + both(new Text("Anything you would like to tell us (optional)",
                        "משהו שתרצו לספר לנו? (לא חובה)"), hebrew, " / ")
                + "</label>"
                + "<textarea id=\"comment\" name=\"comment\" dir=\"auto\" rows=\"4\" maxlength=\""
                + CustomerAnswerService.MAX_COMMENT + "\"></textarea>"
                + "<button type=\"submit\">" + both(new Text("Send", "שליחה"), hebrew, " / ") + "</button></form>";
        return CustomerPages.page(Response.Status.OK, new Text("How did we do?", "איך היה הטיפול?"),
                new Text("Please rate how we handled your request.", "נשמח לדירוג של הטיפול בפנייה שלך."), hebrew,
                form);
    }

    /** After the rating was recorded. */
    public Page thanks(CsatAnswer recorded) {
        return CustomerPages.page(Response.Status.OK, new Text("Thank you", "תודה רבה"),
                new Text("Your rating was recorded. It helps us keep our promises.",
                        "הדירוג שלך נשמר. הוא עוזר לנו לעמוד בהבטחות שלנו."),
                recorded.language().hebrew(), "");
    }

    /** Why nothing was recorded. Always in both languages: what it rates may be unknown. */
    public Page refused(CsatRefusal refusal) {
        Response.Status status;
        Text title;
        Text why;
        switch (refusal) {
            case MALFORMED -> {
                status = Response.Status.BAD_REQUEST;
                title = new Text("This link is incomplete", "הקישור אינו שלם");
                why = new Text("The link did not arrive whole. Open it again from our e-mail.",
                        "הקישור לא הגיע במלואו. אפשר לפתוח אותו שוב מהמייל שלנו.");
            }
            case TAMPERED -> {
                status = Response.Status.BAD_REQUEST;
                title = new Text("This link is not valid", "הקישור אינו תקף");
                why = new Text("The link was changed, or it did not come from us, so we cannot use it.",
                        "הקישור שונה או שלא נשלח על ידינו, ולכן אי אפשר להשתמש בו.");
            }
            case WRONG_LINK -> {
                status = Response.Status.BAD_REQUEST;
                title = new Text("This link is for another page", "הקישור מיועד לדף אחר");
                why = new Text("This link is not for rating our service.", "הקישור הזה אינו מיועד לדירוג השירות.");
            }
            case EXPIRED -> {
                status = Response.Status.GONE;
                title = new Text("This survey has closed", "הסקר נסגר");
                why = new Text("Survey links work for a limited time, and this one has run out.",
                        "קישורי הסקר בתוקף לזמן מוגבל, ותוקפו של קישור זה הסתיים.");
            }
            case ALREADY_USED, ALREADY_RATED -> {
                status = Response.Status.CONFLICT;
                title = new Text("You already rated us", "כבר דירגת אותנו");
                why = new Text("We already received your rating. Thank you.", "כבר קיבלנו את הדירוג שלך. תודה.");
            }
            case UNKNOWN_COMMITMENT -> {
                status = Response.Status.NOT_FOUND;
                title = new Text("We cannot find this request", "לא מצאנו את הפנייה");
                why = new Text("We could not find what this survey is about.", "לא מצאנו את מה שהסקר מתייחס אליו.");
            }
            case NO_SCORE -> {
                status = Response.Status.BAD_REQUEST;
                title = new Text("Please choose a rating", "נא לבחור דירוג");
                why = new Text("Choose a number from 1 to 5 and send the form again; your link still works.",
                        "נא לבחור מספר בין 1 ל-5 ולשלוח שוב; הקישור עדיין בתוקף.");
            }
            default -> throw new IllegalArgumentException("no page for " + refusal);
        }
        String nothing = refusal == CsatRefusal.NO_SCORE ? ""
                : "<p>" + both(whatToDo(), true, "<br>") + "</p>";
        return CustomerPages.page(status, title, why, true, nothing);
    }

    /** Something failed on our side. */
    public Page unavailable() {
        return CustomerPages.page(Response.Status.SERVICE_UNAVAILABLE,
                new Text("Something went wrong on our side", "משהו השתבש אצלנו"),
                new Text("Your rating was not recorded. Please try again in a few minutes.",
                        "הדירוג לא נשמר. נא לנסות שוב בעוד כמה דקות."),
                true, "");
    }

    private Text whatToDo() {
        String en = "Nothing was recorded. To tell us how we did, simply reply to the e-mail we sent you";
        String he = "לא נשמר דבר. כדי לספר לנו איך היה הטיפול, פשוט השיבו למייל ששלחנו";
        if (supportPhone.isEmpty()) {
            return new Text(escape(en) + ".", escape(he) + ".");
        }
        String phone = "<a href=\"tel:" + escape(supportPhone.get()) + "\" dir=\"ltr\">" + escape(supportPhone.get())
                + "</a>";
        return new Text(escape(en) + " or call us at " + phone + ".", escape(he) + " או התקשרו אלינו: " + phone + ".");
    }
}
