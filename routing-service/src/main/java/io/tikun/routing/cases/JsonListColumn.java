package io.tikun.routing.cases;

import java.util.List;

import jakarta.persistence.AttributeConverter;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * A list of records kept as a JSON array in one text column; null stays null (rows written before the column
 * existed). Subclasses name the element type.
 */
abstract class JsonListColumn<T> implements AttributeConverter<List<T>, String> {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final TypeReference<List<T>> type;
    private final String what;

    JsonListColumn(TypeReference<List<T>> type, String what) {
        this.type = type;
        this.what = what;
    }

    @Override
    public String convertToDatabaseColumn(List<T> values) {
        if (values == null) {
            return null;
        }
        try {
            return JSON.writeValueAsString(values);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(what + " cannot be written as JSON", e);
        }
    }

    @Override
    public List<T> convertToEntityAttribute(String column) {
        if (column == null) {
            return null;
        }
        try {
            return List.copyOf(JSON.readValue(column, type));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("unreadable " + what + ": " + column, e);
        }
    }
}
