package io.tikun.routing.workspace;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.quarkus.qute.TemplateData;
import io.tikun.routing.canned.Placeholder;

/**
 * A message as the customer would receive it, shown before it is sent: an agent's reply ({@code reply}) or the thank-you
 * that resolving sends ({@code thank-you}). It says in which language and direction the text is shown, which canned
 * placeholders would reach the customer unfilled (what the agent typed is sent exactly as written), and whether the
 * agent's words are written in another alphabet than the customer's language.
 */
@TemplateData
public record CustomerPreview(String kind, String language, String dir, String text, List<String> unfilled,
        boolean otherAlphabet) {

    public static final String REPLY = "reply";
    public static final String THANK_YOU = "thank-you";

    private static final Pattern BRACED = Pattern.compile("\\{([A-Za-z]+)}");

    /** The agent's reply to a customer writing in {@code language}. */
    public static CustomerPreview reply(String text, String language) {
        return of(REPLY, text, language, text);
    }

    /** The thank-you composed for resolving, in {@code language}, with the agent's resolution in it. */
    public static CustomerPreview thankYou(String text, String language, String resolution) {
        return of(THANK_YOU, text, language, resolution);
    }

    /** {@code agentWrote} is the agent's own words in the text: what is checked for placeholders and alphabet. */
    private static CustomerPreview of(String kind, String text, String language, String agentWrote) {
        WritingScript expected = WritingScript.of(language);
        boolean other = WritingScript.mostOf(agentWrote).map(found -> found != expected).orElse(false);
        String dir = expected == WritingScript.HEBREW || expected == WritingScript.ARABIC ? "rtl" : "ltr";
        return new CustomerPreview(kind, language, dir, text, unfilledIn(agentWrote), other);
    }

    /** The canned placeholders written in {@code text}, such as {@code {customerName}}, in order, once each. */
    static List<String> unfilledIn(String text) {
        Set<String> found = new LinkedHashSet<>();
        Matcher m = BRACED.matcher(text == null ? "" : text);
        while (m.find()) {
            if (Placeholder.named(m.group(1)).isPresent()) {
                found.add(m.group());
            }
        }
        return List.copyOf(found);
    }

    /**
     * The channel the message goes out on, as intake chooses it: a web complaint is answered by e-mail (it has no
     * thread of its own), every other one on its own channel.
     */
    public String sentOn(String caseChannel) {
        return "web".equals(caseChannel) ? "email" : caseChannel;
    }

    /** The unfilled placeholders as one line: {@code {customerName}, {dueAt}}. */
    public String unfilledList() {
        return String.join(", ", unfilled);
    }

    public boolean isReply() {
        return REPLY.equals(kind);
    }

    public boolean isThankYou() {
        return THANK_YOU.equals(kind);
    }
}
