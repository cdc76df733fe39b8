package io.tikun.routing.cases;

import java.util.List;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Stores a case's severity reasons as a JSON array in one text column; null stays null (cases opened before V37). */
@Converter
public class SeverityReasonsColumn implements AttributeConverter<List<SeverityReason>, String> {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<List<SeverityReason>> LIST = new TypeReference<>() {
    };

    @Override
    public String convertToDatabaseColumn(List<SeverityReason> reasons) {
        if (reasons == null) {
            return null;
        }
        try {
            return JSON.writeValueAsString(reasons);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("severity reasons cannot be written as JSON", e);
        }
    }

    @Override
    public List<SeverityReason> convertToEntityAttribute(String column) {
        if (column == null) {
            return null;
        }
        try {
            return List.copyOf(JSON.readValue(column, LIST));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("unreadable severity reasons: " + column, e);
        }
    }
}
