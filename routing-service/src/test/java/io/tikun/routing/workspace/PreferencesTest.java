package io.tikun.routing.workspace;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.ZoneId;

import org.junit.jupiter.api.Test;

class PreferencesTest {

    private static final ZoneId JERUSALEM = ZoneId.of("Asia/Jerusalem");

    @Test
    void theRememberedChoiceWinsOverTheBrowser() {
        assertThat(Preferences.of("en", null, "he-IL,he;q=0.9", JERUSALEM).lang()).isEqualTo("en");
    }

    @Test
    void theBrowsersFirstLanguageOfOursIsTheDefault() {
        assertThat(Preferences.of(null, null, "fr-FR,en-US;q=0.8,he;q=0.5", JERUSALEM).lang()).isEqualTo("en");
        assertThat(Preferences.of(null, null, "iw", JERUSALEM).lang()).isEqualTo("he");
    }

    @Test
    void hebrewWhenNothingIsKnownAndRightToLeftFollows() {
        Preferences p = Preferences.of("xx", null, "not a header;;;", JERUSALEM);
        assertThat(p.lang()).isEqualTo("he");
        assertThat(p.dir()).isEqualTo("rtl");
        assertThat(p.otherLang()).isEqualTo("en");
        assertThat(Preferences.of("en", null, null, JERUSALEM).dir()).isEqualTo("ltr");
    }

    @Test
    void theBrowsersZoneIsUsedWhenValidElseTheConfiguredOne() {
        assertThat(Preferences.of(null, "Europe/London", null, JERUSALEM).zone()).isEqualTo(ZoneId.of("Europe/London"));
        assertThat(Preferences.of(null, "Mars/Olympus", null, JERUSALEM).zone()).isEqualTo(JERUSALEM);
        assertThat(Preferences.of(null, null, null, JERUSALEM).zone()).isEqualTo(JERUSALEM);
    }
}
