package io.tikun.intake.web;

import java.net.URI;
import java.time.Clock;
import java.time.format.DateTimeFormatter;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriBuilder;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestCookie;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.smallrye.common.annotation.NonBlocking;
import io.smallrye.mutiny.Uni;
import io.tikun.intake.IntakeConfig;
import io.tikun.intake.complaint.Complaint;
import io.tikun.intake.complaint.ComplaintService;
import io.tikun.intake.problem.IdempotencyKeyReusedProblem;
import io.tikun.intake.problem.NotFoundProblem;
import io.tikun.intake.quarantine.QuarantineRepository;
import io.tikun.intake.ratelimit.ClientAddress;
import io.tikun.intake.ratelimit.RateLimit;
import io.tikun.intake.ratelimit.RateLimiter;
import io.vertx.core.http.HttpServerRequest;

/**
 * The HTML complaint form for customers, in Hebrew (right to left) and English. A valid form becomes a
 * web complaint exactly as through the JSON API, once per rendered form; the browser is then sent to a
 * signed result page (Post/Redirect/Get), so a refresh shows the same reference.
 */
@Path(ComplaintFormResource.PATH)
@PermitAll
@Tag(name = "Complaint form")
public class ComplaintFormResource {

    static final String PATH = "/complain";
    static final String CSRF_COOKIE = "tikun_form_csrf";
    static final String CSRF_FIELD = "csrf";
    static final String FORM_ID_FIELD = "form-id";
    /** The field only bots fill in; humans never see it. */
    static final String HONEYPOT_FIELD = "website";
    /** Channel under which a suspicious form submission is kept in quarantine. */
    static final String QUARANTINE_CHANNEL = "web-form";
    static final String HONEYPOT_REASON = "honeypot";
    static final String IDEMPOTENCY_PREFIX = "form:";
    private static final String HTML = MediaType.TEXT_HTML + ";charset=UTF-8";
    private static final String WHEN_PATTERN = "EEEE d MMMM yyyy, HH:mm";
    private static final String SECURITY_POLICY = "default-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";
    private static final int EMAIL_MAX = 320;
    private static final int PHONE_MAX = 40;

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance form(FormPage page);

        static native TemplateInstance received(ReceivedPage page);

        static native TemplateInstance notice(NoticePage page);
    }

    private final ComplaintService complaints;
    private final QuarantineRepository quarantine;
    private final ComplaintFormValidator validator;
    private final CsrfTokens csrf;
    private final ReceiptLinks receipts;
    private final ConfirmationLinks confirmations;
    private final RateLimiter limiter;
    private final FormTexts texts;
    private final IntakeConfig config;
    private final FormLanguage defaultLanguage;
    private final Clock clock;

    public ComplaintFormResource(ComplaintService complaints, QuarantineRepository quarantine,
            ComplaintFormValidator validator, CsrfTokens csrf, ReceiptLinks receipts, ConfirmationLinks confirmations,
            RateLimiter limiter, FormTexts texts, IntakeConfig config, Clock clock) {
        this.complaints = complaints;
        this.quarantine = quarantine;
        this.validator = validator;
        this.csrf = csrf;
        this.receipts = receipts;
        this.confirmations = confirmations;
        this.limiter = limiter;
        this.texts = texts;
        this.config = config;
        this.defaultLanguage = FormLanguage.of(config.form().defaultLanguage()).orElse(FormLanguage.HE);
        this.clock = clock;
    }

    @GET
    @NonBlocking
    @Produces(MediaType.TEXT_HTML)
    @Operation(summary = "The complaint form (HTML)", description = "Hebrew by default; ?lang=en or Accept-Language for English.")
    public Uni<Response> form(@RestQuery String lang, @RestCookie(CSRF_COOKIE) String nonce, HttpHeaders headers,
            HttpServerRequest request) {
        FormLanguage language = language(lang, headers);
        return limiter.acquire(RateLimit.CLIENT_IP, ClientAddress.of(request))
                .map(ignored -> formPage(Response.Status.OK.getStatusCode(), language, nonce,
                        UUID.randomUUID().toString(), ComplaintForm.empty(), Map.of(), null));
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    @Operation(summary = "Send the complaint form", description = "303 to the result page; 400 with the form and its errors; "
            + "403 without a valid CSRF token; 413 over tikun.intake.web.max-body-bytes; 429 over the client's or the "
            + "typed address's budget (problem+json, Retry-After).")
    public Uni<Response> send(byte[] body, @RestQuery String lang, @RestCookie(CSRF_COOKIE) String nonce,
            HttpHeaders headers, HttpServerRequest request) {
        return limiter.acquire(RateLimit.CLIENT_IP, ClientAddress.of(request))
                .chain(() -> sendWithinBudget(body, language(lang, headers), nonce, headers));
    }

    private Uni<Response> sendWithinBudget(byte[] body, FormLanguage language, String nonce, HttpHeaders headers) {
        FormMessages messages = texts.in(language);
        int maxBody = config.web().maxBodyBytes();
        if (body.length > maxBody) {
            return Uni.createFrom().item(notice(Response.Status.REQUEST_ENTITY_TOO_LARGE.getStatusCode(),
                    new NoticePage(language, messages.tooLargeTitle(), messages.tooLargeText(maxBody))));
        }
        UrlEncodedForm fields;
        try {
            fields = UrlEncodedForm.parse(body);
        } catch (UrlEncodedForm.MalformedFormException e) {
            return Uni.createFrom().item(refused(Response.Status.BAD_REQUEST.getStatusCode(), language));
        }
        String formId = fields.get(FORM_ID_FIELD);
        if (csrf.verify(nonce, formId, fields.get(CSRF_FIELD)) != CsrfTokens.Verdict.VALID) {
            return Uni.createFrom().item(refused(Response.Status.FORBIDDEN.getStatusCode(), language));
        }
        if (!fields.get(HONEYPOT_FIELD).isEmpty()) {
            return keepAside(body, headers, language);
        }
        ComplaintForm form = ComplaintForm.from(fields);
        Map<String, String> errors = validator.errors(form, messages);
        if (!errors.isEmpty()) {
            return Uni.createFrom().item(formPage(Response.Status.BAD_REQUEST.getStatusCode(), language, nonce, formId,
                    form, errors, null));
        }
        // Whoever sends it, one address (and one phone) gets only so many acknowledgements.
        return limiter.acquire(RateLimit.TARGET, "email:" + form.email().strip().toLowerCase(Locale.ROOT))
                .chain(() -> form.phone().isBlank() ? Uni.createFrom().voidItem()
                        : limiter.acquire(RateLimit.TARGET, "phone:" + form.phone().replaceAll("[^0-9]", "")))
                .chain(() -> complaints.submitAnonymously(form.toRequest(messages.referenceInBody()),
                        IDEMPOTENCY_PREFIX + formId, confirmations::url))
                .map(submission -> seeReceipt(submission.complaint().id(), language))
                // The same form sent again with other content (back button, edit, send): offer it as a new form.
                .onFailure(IdempotencyKeyReusedProblem.class)
                .recoverWithItem(() -> formPage(Response.Status.CONFLICT.getStatusCode(), language, nonce,
                        UUID.randomUUID().toString(), form, Map.of(), messages.alreadySent()));
    }

    @GET
    @Path("/received/{id}")
    @Produces(MediaType.TEXT_HTML)
    @Operation(summary = "The result page after sending the form", description = "Needs the signed token t of the redirect; "
            + "410 once it is older than tikun.intake.form.receipt-validity.")
    public Uni<Response> received(@RestPath String id, @RestQuery String lang, @RestQuery("t") String token,
            HttpHeaders headers, HttpServerRequest request) {
        return limiter.acquire(RateLimit.CLIENT_IP, ClientAddress.of(request))
                .chain(() -> receipt(id, language(lang, headers), token));
    }

    private Uni<Response> receipt(String id, FormLanguage language, String token) {
        SignedLinks.Verdict verdict = receipts.verify(id, token);
        if (verdict == SignedLinks.Verdict.EXPIRED) {
            FormMessages messages = texts.in(language);
            return Uni.createFrom().item(notice(Response.Status.GONE.getStatusCode(),
                    new NoticePage(language, messages.linkExpiredTitle(), messages.linkExpiredText())));
        }
        if (verdict != SignedLinks.Verdict.VALID) {
            return Uni.createFrom().item(notFound(language));
        }
        return complaints.get(id)
                .map(complaint -> page(Response.Status.OK.getStatusCode(),
                        Templates.received(receivedPage(complaint, language)), language))
                .onFailure(NotFoundProblem.class)
                .recoverWithUni(() -> quarantine.find(id).map(held -> held == null ? notFound(language)
                        : page(Response.Status.OK.getStatusCode(), Templates.received(ReceivedPage.neutral(language)),
                                language)));
    }

    /** A bot filled the honeypot: file nothing, keep the raw submission, and answer like a success. */
    private Uni<Response> keepAside(byte[] body, HttpHeaders headers, FormLanguage language) {
        Map<String, String> kept = new HashMap<>();
        kept.put(WebFormReplayer.LANGUAGE_HEADER, language.tag());
        String userAgent = headers.getHeaderString(HttpHeaders.USER_AGENT);
        if (userAgent != null) {
            kept.put(HttpHeaders.USER_AGENT, userAgent);
        }
        return quarantine.keep(QUARANTINE_CHANNEL, PATH, headers.getHeaderString(HttpHeaders.CONTENT_TYPE), kept, body,
                HONEYPOT_REASON, clock.instant()).map(id -> seeReceipt(id, language));
    }

    private Response seeReceipt(String id, FormLanguage language) {
        URI location = UriBuilder.fromPath(PATH).path("received").path(id)
                .queryParam("lang", language.tag())
                .queryParam("t", receipts.token(id))
                .build();
        return Response.seeOther(location).header(HttpHeaders.CACHE_CONTROL, "no-store").build();
    }

    private ReceivedPage receivedPage(Complaint complaint, FormLanguage language) {
        FormMessages messages = texts.in(language);
        IntakeConfig.Acknowledgement acknowledgement = config.acknowledgement();
        DateTimeFormatter when = DateTimeFormatter.ofPattern(WHEN_PATTERN, language.locale())
                .withZone(acknowledgement.timeZone());
        String next = switch (complaint.assessment().severity()) {
            case CRITICAL -> messages.nextCritical();
            case HIGH -> messages.nextHigh();
            case MEDIUM, LOW -> messages.nextStandard();
        };
        String email = complaint.customer().email();
        return new ReceivedPage(language, complaint.reference(), next, when.format(complaint.expectedResponseBy()),
                acknowledgement.timeZone().getDisplayName(TextStyle.FULL, language.locale()),
                acknowledgement.enabled() && email != null ? messages.confirmationSent(email) : null);
    }

    private Response formPage(int status, FormLanguage language, String cookieNonce, String formId, ComplaintForm form,
            Map<String, String> errors, String notice) {
        FormMessages m = texts.in(language);
        IntakeConfig.ComplaintForm limits = config.form();
        List<FieldView> aboutYou = new ArrayList<>();
        aboutYou.add(new FieldView(ComplaintForm.NAME, m.nameLabel(), null, form.name(), errors.get(ComplaintForm.NAME), true,
                "text", "name", limits.maxNameLength()));
        aboutYou.add(new FieldView(ComplaintForm.EMAIL, m.emailLabel(), m.emailHint(), form.email(),
                errors.get(ComplaintForm.EMAIL), true, "email", "email", EMAIL_MAX));
        aboutYou.add(new FieldView(ComplaintForm.PHONE, m.phoneLabel(), m.phoneHint(), form.phone(),
                errors.get(ComplaintForm.PHONE), false, "tel", "tel", PHONE_MAX));
        List<FieldView> aboutComplaint = new ArrayList<>();
        aboutComplaint.add(new FieldView(ComplaintForm.SUBJECT, m.subjectLabel(), null, form.subject(),
                errors.get(ComplaintForm.SUBJECT), true, "text", "off", limits.maxSubjectLength()));
        aboutComplaint.add(new FieldView(ComplaintForm.REFERENCE, m.referenceLabel(), m.referenceHint(), form.reference(),
                errors.get(ComplaintForm.REFERENCE), false, "text", "off", limits.maxReferenceLength()));
        aboutComplaint.add(new FieldView(ComplaintForm.TEXT, m.textLabel(), m.textHint(limits.maxTextLength()), form.text(),
                errors.get(ComplaintForm.TEXT), true, "textarea", "off", limits.maxTextLength()));
        CsrfTokens.Issued issued = csrf.issue(cookieNonce, formId);
        FormPage page = new FormPage(language, List.copyOf(aboutYou), List.copyOf(aboutComplaint), issued.token(), formId,
                HONEYPOT_FIELD, notice);
        return Response.fromResponse(page(status, Templates.form(page), language)).cookie(csrfCookie(issued.nonce())).build();
    }

    private NewCookie csrfCookie(String nonce) {
        return new NewCookie.Builder(CSRF_COOKIE)
                .value(nonce)
                .path(PATH)
                .httpOnly(true)
                .secure(config.form().secureCookie())
                .sameSite(NewCookie.SameSite.STRICT)
                .maxAge((int) config.form().tokenValidity().toSeconds())
                .build();
    }

    private Response refused(int status, FormLanguage language) {
        FormMessages messages = texts.in(language);
        return notice(status, new NoticePage(language, messages.refusedTitle(), messages.refusedText()));
    }

    private Response notFound(FormLanguage language) {
        FormMessages messages = texts.in(language);
        return notice(Response.Status.NOT_FOUND.getStatusCode(),
                new NoticePage(language, messages.notFoundTitle(), messages.notFoundText()));
    }

    private Response notice(int status, NoticePage page) {
        return page(status, Templates.notice(page), page.lang());
    }

    /** An HTML page that is never cached (it holds tokens), never framed and loads nothing from elsewhere. */
    static Response page(int status, TemplateInstance template, FormLanguage language) {
        template.setLocale(language.locale());
        return Response.status(status).type(HTML).entity(template)
                .header(HttpHeaders.CONTENT_LANGUAGE, language.tag())
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .header("Content-Security-Policy", SECURITY_POLICY)
                .header("X-Content-Type-Options", "nosniff")
                .header("Referrer-Policy", "no-referrer")
                .build();
    }

    private FormLanguage language(String requested, HttpHeaders headers) {
        return FormLanguage.choose(requested, headers.getAcceptableLanguages(), defaultLanguage);
    }
}
