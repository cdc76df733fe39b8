package io.tikun.routing.workspace;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

import io.quarkus.qute.TemplateData;

/**
 * What every workspace page needs besides its content: who is signed in, in which language and zone the page is, the
 * form token, and where the language switch returns to.
 */
@TemplateData
public record PageContext(String user, Preferences preferences, Labels labels, String formToken, boolean seesAll,
        String path) {

    public String lang() {
        return preferences.lang();
    }

    public String dir() {
        return preferences.dir();
    }

    public String otherLang() {
        return preferences.otherLang();
    }

    /** The language switch's link: it remembers the other language and comes back here. */
    public String switchHref() {
        return "/workspace/language?to=" + otherLang() + "&back=" + URLEncoder.encode(path, StandardCharsets.UTF_8);
    }
}
