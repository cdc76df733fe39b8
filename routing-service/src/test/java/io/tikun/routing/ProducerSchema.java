package io.tikun.routing;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.tikun.stack.testing.Contracts;

/**
 * A producer's JSON Schema as its service keeps it, read at test time: every enumerated field by its JSON pointer,
 * so a consumer test checks today's values, not a copy of them.
 */
public final class ProducerSchema {

    private final JsonNode root;

    private ProducerSchema(JsonNode root) {
        this.root = root;
    }

    public static ProducerSchema read(String producerService, String file) {
        try {
            return new ProducerSchema(new ObjectMapper().readTree(Contracts.read(producerService, file)));
        } catch (java.io.IOException e) {
            throw new IllegalStateException("unreadable schema " + file, e);
        }
    }

    /** Every {@code enum} in the schema by the pointer of the field it constrains, e.g. {@code /properties/severity}. */
    public Map<String, List<String>> enums() {
        Map<String, List<String>> found = new LinkedHashMap<>();
        collect(root, "", found);
        return found;
    }

    /** The schema node at a JSON pointer (missing node when absent). */
    public JsonNode at(String pointer) {
        return root.at(pointer);
    }

    private static void collect(JsonNode node, String pointer, Map<String, List<String>> found) {
        if (node.isObject()) {
            if (node.has("enum")) {
                List<String> values = new ArrayList<>();
                node.get("enum").forEach(v -> values.add(v.asText()));
                found.put(pointer, values);
            }
            for (Iterator<Map.Entry<String, JsonNode>> fields = node.fields(); fields.hasNext();) {
                Map.Entry<String, JsonNode> field = fields.next();
                collect(field.getValue(), pointer + "/" + field.getKey(), found);
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                collect(node.get(i), pointer + "/" + i, found);
            }
        }
    }
}
