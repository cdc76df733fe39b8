package io.tikun.followup.verification;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import io.quarkus.qute.Engine;
import io.quarkus.qute.HtmlEscaper;
import io.quarkus.qute.ReflectionValueResolver;
import io.quarkus.qute.TemplateLocator.TemplateLocation;
import io.quarkus.qute.Variant;

/**
 * The customer pages outside Quarkus: the real templates and bundles, rendered by a Qute engine set up as Quarkus sets
 * its own up for {@code templates/*.html} (strict, HTML-escaped). The {@code @QuarkusTest}s prove the real engine.
 */
public final class PageFixtures {

    private PageFixtures() {
    }

    public static CustomerPageTemplates templates(Optional<String> supportPhone) {
        Engine engine = Engine.builder()
                .addDefaults()
                .addValueResolver(new ReflectionValueResolver())
                .addResultMapper(new HtmlEscaper(List.of(Variant.TEXT_HTML)))
                .strictRendering(true)
                .addLocator(PageFixtures::locate)
                .build();
        return new CustomerPageTemplates(engine, new CustomerPageTexts(), supportPhone);
    }

    private static Optional<TemplateLocation> locate(String id) {
        URL url = PageFixtures.class.getClassLoader().getResource("templates/" + id);
        if (url == null) {
            return Optional.empty();
        }
        return Optional.of(new TemplateLocation() {
            @Override
            public Reader read() {
                try {
                    return new InputStreamReader(url.openStream(), StandardCharsets.UTF_8);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }

            @Override
            public Optional<Variant> getVariant() {
                return Optional.of(new Variant(Locale.ROOT, StandardCharsets.UTF_8, Variant.TEXT_HTML));
            }
        });
    }
}
