package io.tikun.intake.language;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

class ScriptRuleTest {

    private static com.github.pemistahl.lingua.api.LanguageDetector lingua;

    @BeforeAll
    static void loadLingua() {
        lingua = LanguageDetector.lingua();
    }

    @Test
    void decidesTextOfOneOfTheFourScriptsByItsScript() {
        assertThat(ScriptRule.decide("המזגן הפסיק לעבוד!!! 3 פעמים")).isEqualTo("he");
        assertThat(ScriptRule.decide("Café crème, naïve: refund #42 please")).isEqualTo("en");
        assertThat(ScriptRule.decide("الفاتورة خاطئة، تم خصم المبلغ مرتين")).isEqualTo("ar");
        assertThat(ScriptRule.decide("Счёт неверный, деньги списали дважды")).isEqualTo("ru");
    }

    @Test
    void callsTextWithoutLettersUndetermined() {
        assertThat(ScriptRule.decide("054-1234567 !!! 😡")).isEqualTo(LanguageDetector.UNDETERMINED);
        assertThat(ScriptRule.decide("")).isEqualTo(LanguageDetector.UNDETERMINED);
    }

    @Test
    void leavesMixedScriptsAndOtherScriptsToLingua() {
        assertThat(ScriptRule.decide("Order TK-000042 never arrived, שלום")).isNull();
        assertThat(ScriptRule.decide("Το ψυγείο χάλασε")).isNull();
        assertThat(ScriptRule.decide("冷蔵庫が壊れた")).isNull();
        assertThat(ScriptRule.decide("refund Ω")).isNull();
    }

    /**
     * The rule is a shortcut, not a second opinion: wherever it decides, lingua decides the same, but for one kind of
     * text lingua cannot place at all though its letters say which language it is (a single fully vowelled Arabic
     * word), which the rule places by its script.
     */
    @Test
    void agreesWithLinguaOnEveryTextItDecidesButOneLinguaCannotPlace() throws IOException {
        String vowelledArabic = "\u0645\u064e\u0631\u0652\u062d\u064e\u0628\u064b\u0627";
        List<String> texts = new ArrayList<>(labelledComplaints());
        texts.addAll(List.of("ok", "a", "X", "שלום", "ב", "ا", "да", "WM-8200", "iPhone 15", "é", "ñandú", "123",
                "!!!", "\u05e9\u05b8\u05c1\u05dc\u05d5\u05b9\u05dd", vowelledArabic, vowelledArabic + " بكم في المتجر",
                "Ёлка", "ʻokina", "ǅemal", "ﬁle", "ＡＢＣ", "\u202bשלום\u202c"));
        int decided = 0;
        Map<String, String> disagreements = new LinkedHashMap<>();
        for (String text : texts) {
            String byScript = ScriptRule.decide(text);
            if (byScript != null) {
                decided++;
                String byLingua = LanguageDetector.codeOf(lingua.detectLanguageOf(text));
                if (!byScript.equals(byLingua)) {
                    disagreements.put(text, byLingua + " by lingua, " + byScript + " by script");
                }
            }
        }
        assertThat(decided).as("texts the rule decided").isGreaterThan(texts.size() / 2);
        assertThat(disagreements).containsExactly(Map.entry(vowelledArabic, "und by lingua, ar by script"));
    }

    private static List<String> labelledComplaints() throws IOException {
        ObjectMapper mapper = new ObjectMapper();
        List<String> texts = new ArrayList<>();
        try (var in = ScriptRuleTest.class.getClassLoader().getResourceAsStream("classification/labelled-complaints.jsonl");
                var lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            lines.lines().filter(line -> !line.isBlank()).forEach(line -> {
                try {
                    texts.add(mapper.readTree(line).get("text").asText());
                } catch (IOException e) {
                    throw new IllegalStateException(e);
                }
            });
        }
        assertThat(texts).hasSizeGreaterThan(200);
        return texts;
    }
}
