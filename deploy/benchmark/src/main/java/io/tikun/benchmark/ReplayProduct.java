package io.tikun.benchmark;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** A product of intake's own catalogue ({@code classification/products.json}), named as a customer would name it. */
record ReplayProduct(String id, String hebrewName, String englishName) {

    String name(String language) {
        return "he".equals(language) ? hebrewName : englishName;
    }

    /** The catalogue intake classifies against, read from intake's jar on the class path. */
    static List<ReplayProduct> intakeCatalogue(ObjectMapper mapper) throws IOException {
        try (InputStream in = ReplayProduct.class.getClassLoader().getResourceAsStream("classification/products.json")) {
            if (in == null) {
                throw new IOException("classification/products.json is not on the class path (intake-service jar)");
            }
            List<ReplayProduct> products = new ArrayList<>();
            for (JsonNode product : mapper.readTree(in).path("products")) {
                products.add(new ReplayProduct(product.path("id").asText(), product.path("names").path("he").path(0).asText(),
                        product.path("names").path("en").path(0).asText()));
            }
            return products;
        }
    }
}
