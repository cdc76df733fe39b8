package io.tikun.followup.verification;

import java.util.Locale;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Response;

import io.quarkus.qute.Engine;
import io.quarkus.qute.Template;
import io.tikun.followup.FollowupConfig;
import io.tikun.followup.verification.CustomerPages.Page;

/**
 * Renders the customer pages ({@code templates/customer-pages/}) in one language, with the texts of
 * {@link CustomerPageTexts} and English under each of them on a page in another language. Qute escapes every value,
 * so what the customer, the agent or the link brought cannot become markup.
 */
@ApplicationScoped
public class CustomerPageTemplates {

    private static final String TEMPLATES = "customer-pages/";

    private final Engine engine;
    private final CustomerPageTexts texts;
    private final Optional<String> supportPhone;

    @Inject
    public CustomerPageTemplates(Engine engine, FollowupConfig config) {
        this(engine, new CustomerPageTexts(), config.customers().supportPhone());
    }

    public CustomerPageTemplates(Engine engine, CustomerPageTexts texts, Optional<String> supportPhone) {
        this.engine = engine;
        this.texts = texts;
        this.supportPhone = supportPhone.map(String::strip).filter(phone -> !phone.isEmpty());
    }

    /** The text of {@code key} in {@code language}, and in English unless that is the page's language. */
    public PageLine line(CustomerLanguage language, String key) {
        String english = language == CustomerLanguage.ENGLISH ? null : texts.text(CustomerLanguage.ENGLISH, key);
        return new PageLine(texts.text(language, key), english);
    }

    /**
     * A page that only tells something.
     *
     * @param helpKey the text saying what the customer can do instead (its {@code .or-call} variant when a support
     *        phone is set); null for none
     */
    public Page notice(Response.Status status, CustomerLanguage language, String titleKey, String leadKey,
            String helpKey) {
        PageHelp help = helpKey == null ? PageHelp.none()
                : supportPhone.map(phone -> new PageHelp(line(language, helpKey + ".or-call"), phone))
                        .orElseGet(() -> new PageHelp(line(language, helpKey), null));
        String html = template("notice.html").data("page", frame(language, titleKey, leadKey)).data("help", help)
                .render();
        return new Page(status.getStatusCode(), html);
    }

    /** A page with a form: {@code template} gets {@code form} besides the frame of {@code prefix.title/.lead}. */
    public Page form(CustomerLanguage language, String prefix, String template, Object form) {
        String html = template(template).data("page", frame(language, prefix + ".title", prefix + ".lead"))
                .data("form", form).render();
        return new Page(Response.Status.OK.getStatusCode(), html);
    }

    /** The key part for an enum constant: {@code UNKNOWN_COMMITMENT} is {@code unknown-commitment}. */
    public static String keyOf(Enum<?> value) {
        return value.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    private PageFrame frame(CustomerLanguage language, String titleKey, String leadKey) {
        return new PageFrame(language.code(), language.direction(), line(language, titleKey),
                line(language, leadKey));
    }

    private Template template(String name) {
        Template template = engine.getTemplate(TEMPLATES + name);
        if (template == null) {
            throw new IllegalStateException("no template " + TEMPLATES + name);
        }
        return template;
    }
}
