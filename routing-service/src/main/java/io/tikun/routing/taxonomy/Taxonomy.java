package io.tikun.routing.taxonomy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The lists agents choose from when they resolve a case: the categories (the same codes as intake's classifier, so an
 * agent can confirm its guess) and the root causes. Shipped in {@code resolution/taxonomy.json}; an operator replaces
 * them with {@code tikun.routing.taxonomy.file}. Read once at startup.
 */
@ApplicationScoped
public class Taxonomy {

    public static final String CATEGORY = "category";
    public static final String ROOT_CAUSE = "rootCause";
    static final String SHIPPED = "resolution/taxonomy.json";

    /** The file's shape. */
    record Lists(List<Choice> categories, List<Choice> rootCauses) {
    }

    private final List<Choice> categories;
    private final List<Choice> rootCauses;

    @Inject
    public Taxonomy(TaxonomyConfig config, ObjectMapper mapper) {
        this(read(config, mapper));
    }

    Taxonomy(Lists lists) {
        this.categories = checked("categories", lists.categories());
        this.rootCauses = checked("rootCauses", lists.rootCauses());
    }

    /** The lists of a JSON document of the shipped shape (tests and operators' files). */
    public static Taxonomy of(InputStream json, ObjectMapper mapper) throws IOException {
        return new Taxonomy(mapper.readValue(json, Lists.class));
    }

    public List<Choice> categories() {
        return categories;
    }

    public List<Choice> rootCauses() {
        return rootCauses;
    }

    public List<String> categoryCodes() {
        return categories.stream().map(Choice::code).toList();
    }

    public List<String> rootCauseCodes() {
        return rootCauses.stream().map(Choice::code).toList();
    }

    /** The category code as chosen (trimmed), if on the list; otherwise {@link InvalidChoiceProblem}. */
    public String category(String value) {
        return pick(CATEGORY, value, categoryCodes());
    }

    /** The root cause code as chosen (trimmed), if on the list; otherwise {@link InvalidChoiceProblem}. */
    public String rootCause(String value) {
        return pick(ROOT_CAUSE, value, rootCauseCodes());
    }

    private static String pick(String field, String value, List<String> allowed) {
        String code = value == null ? "" : value.strip();
        if (!allowed.contains(code)) {
            throw new InvalidChoiceProblem(field, value, allowed);
        }
        return code;
    }

    private static List<Choice> checked(String list, List<Choice> choices) {
        if (choices == null || choices.isEmpty()) {
            throw new IllegalStateException("The taxonomy's '" + list + "' list is empty.");
        }
        Set<String> seen = new HashSet<>();
        for (Choice c : choices) {
            if (c.code() == null || c.code().isBlank() || !seen.add(c.code())) {
                throw new IllegalStateException("The taxonomy's '" + list + "' has a blank or repeated code: " + c.code());
            }
        }
        return List.copyOf(choices);
    }

    private static Lists read(TaxonomyConfig config, ObjectMapper mapper) {
        try {
            if (config.file().isPresent()) {
                try (InputStream in = Files.newInputStream(Path.of(config.file().get()))) {
                    return mapper.readValue(in, Lists.class);
                }
            }
            try (InputStream in = Taxonomy.class.getClassLoader().getResourceAsStream(SHIPPED)) {
                if (in == null) {
                    throw new IllegalStateException(SHIPPED + " is missing from the classpath");
                }
                return mapper.readValue(in, Lists.class);
            }
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read the resolution taxonomy: " + e.getMessage(), e);
        }
    }
}
