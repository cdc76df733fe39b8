package io.tikun.routing.cases;

import java.util.List;

import jakarta.persistence.Converter;

import com.fasterxml.jackson.core.type.TypeReference;

/** Stores a case's severity reasons as a JSON array in one text column; null stays null (cases opened before V37). */
@Converter
public class SeverityReasonsColumn extends JsonListColumn<SeverityReason> {

    public SeverityReasonsColumn() {
        super(new TypeReference<List<SeverityReason>>() {
        }, "severity reasons");
    }
}
