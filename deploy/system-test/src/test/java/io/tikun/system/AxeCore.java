package io.tikun.system;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * axe-core (Deque's accessibility engine, from its webjar on the test classpath) run inside the page a browser shows:
 * the script is injected into the page and {@code axe.run} checks the document as rendered, scripts and CSS applied.
 */
final class AxeCore {

    private static final String WEBJAR = "META-INF/maven/org.webjars.npm/axe-core/pom.properties";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String RUN = """
            var done = arguments[arguments.length - 1];
            function brief(v) {
              return { id: v.id, impact: v.impact, help: v.help,
                targets: v.nodes.map(function (n) { return String(n.target) + ' (' + n.impact + ')'; }) };
            }
            axe.run(document, { resultTypes: ['violations', 'incomplete'] }).then(function (result) {
              done(JSON.stringify({ version: axe.version, url: result.url, violations: result.violations.map(brief),
                needsReview: result.incomplete.map(brief) }));
            }, function (e) { done(JSON.stringify({ error: String(e) })); });""";

    private static final String SCRIPT = load();

    private AxeCore() {
    }

    /** One rule the page breaks, with the elements that break it. */
    record Violation(String id, String impact, String help, List<String> targets) {

        boolean seriousOrWorse() {
            return "serious".equals(impact) || "critical".equals(impact);
        }

        @Override
        public String toString() {
            return id + " [" + impact + "] " + help + " at " + targets;
        }
    }

    /**
     * The page's result: the axe-core version that checked it, what it found, and (in {@code json}, with the rules
     * axe-core could not decide alone, e.g. a contrast over an image, to be looked at by a person) all of it.
     */
    record Result(String version, List<Violation> violations, int needsReview, String json) {

        List<Violation> seriousOrWorse() {
            return violations.stream().filter(Violation::seriousOrWorse).toList();
        }
    }

    /** Runs axe-core on the page {@code browser} shows now. */
    static Result check(WebDriver browser) {
        JavascriptExecutor page = (JavascriptExecutor) browser;
        page.executeScript(SCRIPT);
        String answer = String.valueOf(page.executeAsyncScript(RUN));
        try {
            JsonNode json = JSON.readTree(answer);
            if (json.has("error")) {
                throw new IllegalStateException("axe.run failed: " + json.get("error").asText());
            }
            List<Violation> violations = new ArrayList<>();
            for (JsonNode v : json.get("violations")) {
                List<String> targets = new ArrayList<>();
                v.get("targets").forEach(t -> targets.add(t.asText()));
                violations.add(new Violation(v.get("id").asText(), v.path("impact").asText(null), v.get("help").asText(),
                        targets));
            }
            return new Result(json.get("version").asText(), violations, json.get("needsReview").size(),
                    JSON.writerWithDefaultPrettyPrinter().writeValueAsString(json));
        } catch (IOException e) {
            throw new UncheckedIOException("axe-core answered something else than JSON: " + answer, e);
        }
    }

    private static String load() {
        ClassLoader loader = AxeCore.class.getClassLoader();
        Properties webjar = new Properties();
        try (InputStream in = loader.getResourceAsStream(WEBJAR)) {
            if (in == null) {
                throw new IllegalStateException("the axe-core webjar is not on the test classpath");
            }
            webjar.load(in);
            String path = "META-INF/resources/webjars/axe-core/" + webjar.getProperty("version") + "/axe.min.js";
            try (InputStream script = loader.getResourceAsStream(path)) {
                if (script == null) {
                    throw new IllegalStateException("no " + path + " in the axe-core webjar");
                }
                return new String(script.readAllBytes(), StandardCharsets.UTF_8);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
