package io.tikun.intake.limits;

/**
 * The largest request body each endpoint accepts, by path: the e-mail channel its raw-message cap, the social
 * webhooks what they may keep in quarantine, and everything else (the form, the JSON APIs) the web cap.
 */
record BodyCaps(long web, long email, long webhook) {

    static final String EMAIL_PATH = "/api/v1/channels/email";
    static final String CHANNELS_PATH = "/api/v1/channels/";

    long of(String path) {
        if (path == null) {
            return web;
        }
        if (path.equals(EMAIL_PATH) || path.startsWith(EMAIL_PATH + "/")) {
            return email;
        }
        if (path.startsWith(CHANNELS_PATH)) {
            return webhook;
        }
        return web;
    }
}
