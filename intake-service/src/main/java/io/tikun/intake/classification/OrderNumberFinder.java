package io.tikun.intake.classification;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Finds the order numbers a complaint mentions ("#12345678", "order 1234-5678", "הזמנה מס' 123456") with the regular
 * expressions an operator keeps in {@code classification/order-numbers.json}; each names the number itself as the
 * group {@code number}, so the words around it are not part of it.
 */
final class OrderNumberFinder {

    /** The file's shape. */
    record Document(List<String> patterns) {
    }

    static final String GROUP = "number";
    private static final Pattern SPACES = Pattern.compile("\\s+");

    private final List<Pattern> patterns;

    OrderNumberFinder(List<String> sources) {
        if (sources == null || sources.isEmpty()) {
            throw new IllegalArgumentException("no order-number patterns are listed");
        }
        this.patterns = sources.stream().map(OrderNumberFinder::compile).toList();
    }

    private static Pattern compile(String source) {
        if (source == null || source.isBlank()) {
            throw new IllegalArgumentException("an order-number pattern is empty");
        }
        Pattern pattern;
        try {
            pattern = Pattern.compile(source, Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
        } catch (PatternSyntaxException e) {
            throw new IllegalArgumentException("the order-number pattern " + source
                    + " is not a valid regular expression: " + e.getDescription(), e);
        }
        if (!source.contains("(?<" + GROUP + ">")) {
            throw new IllegalArgumentException("the order-number pattern " + source + " has no group (?<" + GROUP
                    + ">…) saying which part is the number");
        }
        return pattern;
    }

    /** Each order number once, in the order first mentioned, with inner spaces removed. */
    List<String> find(String text) {
        TreeMap<Integer, String> byPlace = new TreeMap<>();
        for (Pattern pattern : patterns) {
            Matcher matcher = pattern.matcher(text);
            while (matcher.find()) {
                if (matcher.group(GROUP) != null) {
                    byPlace.putIfAbsent(matcher.start(GROUP), SPACES.matcher(matcher.group(GROUP)).replaceAll(""));
                }
            }
        }
        return List.copyOf(new LinkedHashSet<>(byPlace.values()));
    }
}
