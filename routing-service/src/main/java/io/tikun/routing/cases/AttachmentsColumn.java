package io.tikun.routing.cases;

import java.util.List;

import jakarta.persistence.Converter;

import com.fasterxml.jackson.core.type.TypeReference;

import io.tikun.routing.intake.Attachment;

/** Stores the files a customer attached as a JSON array in one text column; null for rows written before V38. */
@Converter
public class AttachmentsColumn extends JsonListColumn<Attachment> {

    public AttachmentsColumn() {
        super(new TypeReference<List<Attachment>>() {
        }, "attachments");
    }
}
