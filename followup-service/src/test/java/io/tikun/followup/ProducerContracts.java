package io.tikun.followup;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.tikun.stack.StackHome;
import io.tikun.stack.testing.Contracts;

/** Reads a producer's event schema and examples from its source tree, for consumer contract tests. */
public final class ProducerContracts {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private ProducerContracts() {
    }

    public static JsonNode schema(String producer, String event) {
        try {
            return MAPPER.readTree(Contracts.read(producer, event + ".schema.json"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every field of the schema declared as an enum, by JSON pointer (array items as {@code /items}), with its values. */
    public static Map<String, List<String>> enumFields(JsonNode schema) {
        Map<String, List<String>> found = new TreeMap<>();
        collect(schema, "", found);
        return found;
    }

    private static void collect(JsonNode node, String pointer, Map<String, List<String>> found) {
        if (node.has("enum")) {
            List<String> values = new ArrayList<>();
            node.get("enum").forEach(v -> values.add(v.asText()));
            found.put(pointer, values);
        }
        if (node.has("properties")) {
            node.get("properties").fields().forEachRemaining(
                    field -> collect(field.getValue(), pointer + "/" + field.getKey(), found));
        }
        if (node.has("items")) {
            collect(node.get("items"), pointer + "/items", found);
        }
    }

    /** Any file of the producer's source tree. */
    public static String producerFile(String producer, String path) {
        try {
            return Files.readString(StackHome.root().resolve(producer).resolve(path));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The producer's examples of one event ({@code <event>.example.json}, {@code <event>.<variant>.example.json}). */
    public static List<String> examples(String producer, String event) {
        Path dir = StackHome.root().resolve(producer).resolve("src/main/resources/contracts");
        try (Stream<Path> files = Files.list(dir)) {
            List<String> names = files.map(p -> p.getFileName().toString())
                    .filter(n -> n.startsWith(event + ".") && n.endsWith(".example.json"))
                    .sorted().toList();
            assertThat(names).as("examples of %s in %s", event, dir).isNotEmpty();
            return names.stream().map(n -> Contracts.read(producer, n)).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
