package io.tikun.stack;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.function.Predicate;

import jakarta.mail.Address;
import jakarta.mail.BodyPart;
import jakarta.mail.Header;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;

import com.icegreen.greenmail.smtp.SmtpServer;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * An SMTP and IMAP sandbox (GreenMail) that keeps every message it is sent, so tests can read
 * them and a person running Tikun locally can look at them in a browser.
 */
public final class MailSandbox implements AutoCloseable {

    private static final Duration POLL = Duration.ofMillis(100);
    private static final int HTTP_OK = 200;
    private static final long SMTP_START_MILLIS = 10_000;

    private final GreenMail greenMail;
    private final int smtpPort;
    private final int imapPort;
    private HttpServer viewer;
    /** The SMTP service now listening (GreenMail's own until the first {@link #refuseSmtp()}). */
    private SmtpServer smtp;
    private SmtpRefusal refusal;

    private MailSandbox(GreenMail greenMail, int smtpPort, int imapPort) {
        this.greenMail = greenMail;
        this.smtpPort = smtpPort;
        this.imapPort = imapPort;
        this.smtp = greenMail.getSmtp();
    }

    /** Starts SMTP and IMAP on the given ports (0 picks free ones). */
    public static MailSandbox start(int smtpPort, int imapPort) {
        int smtp = FreePorts.orNext(smtpPort);
        int imap = FreePorts.orNext(imapPort);
        GreenMail greenMail = new GreenMail(new ServerSetup[] {
                new ServerSetup(smtp, "127.0.0.1", ServerSetup.PROTOCOL_SMTP),
                new ServerSetup(imap, "127.0.0.1", ServerSetup.PROTOCOL_IMAP) });
        greenMail.start();
        return new MailSandbox(greenMail, smtp, imap);
    }

    /** Serves the captured mail as JSON at {@code /messages} on {@code port}. */
    public MailSandbox withViewer(int port) {
        try {
            viewer = HttpServer.create(new InetSocketAddress("127.0.0.1", FreePorts.orNext(port)), 0);
            viewer.createContext("/", this::serveMessages);
            viewer.start();
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the mail viewer", e);
        }
    }

    public int smtpPort() {
        return smtpPort;
    }

    public int imapPort() {
        return imapPort;
    }

    public Optional<String> viewerUrl() {
        return Optional.ofNullable(viewer).map(v -> "http://127.0.0.1:" + v.getAddress().getPort() + "/messages");
    }

    /**
     * From now on the SMTP port greets every connection with 421 (service not available) and closes it, as a
     * mail server out of service does; what was received before stays readable.
     */
    public synchronized void refuseSmtp() {
        if (refusal == null) {
            smtp.stopService();
            refusal = SmtpRefusal.listen(smtpPort);
        }
    }

    /** Ends {@link #refuseSmtp()}: SMTP accepts mail again on the same port, into the same mailboxes. */
    public synchronized void acceptSmtp() {
        if (refusal == null) {
            return;
        }
        int refused = refusal.refused();
        refusal.close();
        refusal = null;
        smtp = new SmtpServer(new ServerSetup(smtpPort, "127.0.0.1", ServerSetup.PROTOCOL_SMTP), greenMail.getManagers());
        smtp.startService();
        try {
            if (!smtp.waitTillRunning(SMTP_START_MILLIS)) {
                throw new IllegalStateException("SMTP did not start again on port " + smtpPort);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while starting SMTP", e);
        }
        System.out.printf("mail sandbox: SMTP accepts again after refusing %d connections%n", refused);
    }

    /** Creates a mailbox that can be read over IMAP. */
    public void addMailbox(String address, String password) {
        greenMail.setUser(address, address, password);
    }

    /** Puts a raw message straight into a mailbox, as if it had been delivered to it. */
    public void deliver(String address, String password, byte[] raw) {
        try {
            MimeMessage message = new MimeMessage(Session.getInstance(new Properties()), new ByteArrayInputStream(raw));
            greenMail.setUser(address, address, password).deliver(message);
        } catch (MessagingException e) {
            throw new IllegalArgumentException("not a deliverable message", e);
        }
    }

    /** How many messages the sandbox has received, without reading them. */
    public int received() {
        return greenMail.getReceivedMessages().length;
    }

    public List<CapturedMail> messages() {
        return Arrays.stream(greenMail.getReceivedMessages()).map(MailSandbox::capture).toList();
    }

    /**
     * The messages in {@code address}'s mailbox after its first {@code first}, in arrival order: for watching one
     * mailbox of a busy sandbox without reading every other one (the sandbox's whole list is grouped by mailbox).
     */
    public List<CapturedMail> messagesTo(String address, int first) {
        return greenMail.findReceivedMessages(user -> address.equalsIgnoreCase(user.getEmail()), message -> true)
                .skip(first).map(MailSandbox::capture).toList();
    }

    /** Waits for a message matching {@code condition}; fails with what did arrive otherwise. */
    public CapturedMail await(Predicate<CapturedMail> condition, Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            Optional<CapturedMail> match = messages().stream().filter(condition).findFirst();
            if (match.isPresent()) {
                return match.get();
            }
            ChildProcess.sleep(POLL);
        }
        throw new AssertionError("no matching mail within " + timeout + "; received: " + messages());
    }

    public void purge() {
        try {
            greenMail.purgeEmailFromAllMailboxes();
        } catch (Exception e) {
            throw new IllegalStateException("cannot purge the mail sandbox", e);
        }
    }

    private static CapturedMail capture(MimeMessage message) {
        try {
            List<String> to = message.getAllRecipients() == null ? List.of()
                    : Arrays.stream(message.getAllRecipients()).map(MailSandbox::address).toList();
            String from = message.getFrom() == null || message.getFrom().length == 0 ? ""
                    : address(message.getFrom()[0]);
            Instant sent = message.getSentDate() == null ? Instant.now() : message.getSentDate().toInstant();
            Map<String, String> headers = new LinkedHashMap<>();
            for (Enumeration<Header> all = message.getAllHeaders(); all.hasMoreElements();) {
                Header header = all.nextElement();
                headers.putIfAbsent(header.getName(), header.getValue());
            }
            return new CapturedMail(from, to, message.getSubject(), text(message).strip(), sent, headers, html(message));
        } catch (MessagingException | IOException e) {
            throw new IllegalStateException("unreadable message in the sandbox", e);
        }
    }

    private static String address(Address address) {
        return address instanceof jakarta.mail.internet.InternetAddress internet ? internet.getAddress()
                : address.toString();
    }

    /** The first text/html part of a message, or null when it has none. */
    private static String html(Part part) throws MessagingException, IOException {
        if (part.isMimeType("text/html")) {
            return part.getContent().toString();
        }
        if (part.isMimeType("multipart/*")) {
            Multipart multipart = (Multipart) part.getContent();
            for (int i = 0; i < multipart.getCount(); i++) {
                String html = html(multipart.getBodyPart(i));
                if (html != null) {
                    return html;
                }
            }
        }
        return null;
    }

    /** The plain text of a message: text/plain preferred, any text part otherwise. */
    private static String text(Part part) throws MessagingException, IOException {
        if (part.isMimeType("text/plain")) {
            return part.getContent().toString();
        }
        if (part.isMimeType("multipart/*")) {
            Multipart multipart = (Multipart) part.getContent();
            String fallback = "";
            for (int i = 0; i < multipart.getCount(); i++) {
                BodyPart body = multipart.getBodyPart(i);
                String text = text(body);
                if (body.isMimeType("text/plain") || body.isMimeType("multipart/*")) {
                    if (!text.isEmpty()) {
                        return text;
                    }
                } else if (fallback.isEmpty()) {
                    fallback = text;
                }
            }
            return fallback;
        }
        if (part.isMimeType("text/*")) {
            return part.getContent().toString();
        }
        return "";
    }

    private void serveMessages(HttpExchange exchange) throws IOException {
        StringBuilder json = new StringBuilder("[");
        List<CapturedMail> mails = messages();
        for (int i = 0; i < mails.size(); i++) {
            CapturedMail mail = mails.get(i);
            json.append(i == 0 ? "" : ",").append("\n{\"from\":").append(Json.quote(mail.from()))
                    .append(",\"to\":").append(Json.quoteAll(mail.to()))
                    .append(",\"subject\":").append(Json.quote(mail.subject()))
                    .append(",\"sentAt\":").append(Json.quote(mail.sentAt().toString()))
                    .append(",\"text\":").append(Json.quote(mail.text())).append('}');
        }
        byte[] body = json.append("\n]\n").toString().getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json; charset=utf-8");
        exchange.sendResponseHeaders(HTTP_OK, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    @Override
    public void close() {
        if (viewer != null) {
            viewer.stop(0);
        }
        if (refusal != null) {
            refusal.close();
        }
        smtp.stopService();
        greenMail.stop();
    }
}
