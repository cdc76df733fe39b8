package io.tikun.intake.complaint;

import java.io.IOException;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.Validator;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;

import io.tikun.intake.IntakeConfig;
import io.tikun.intake.problem.JsonProblems;
import io.tikun.intake.problem.Problem;
import io.tikun.intake.quarantine.RejectedPayload;

/**
 * Turns the bytes a web channel posted into a valid complaint request, or says exactly why not.
 * Reads the raw body itself (instead of letting JAX-RS bind it) so a rejected body can be kept.
 */
@ApplicationScoped
public class WebComplaintReader {

    private static final int BAD_REQUEST = 400;
    private static final int TOO_LARGE = 413;
    private static final int UNSUPPORTED = 415;

    private final ObjectReader reader;
    private final Validator validator;
    private final int maxBodyBytes;

    public WebComplaintReader(ObjectMapper mapper, Validator validator, IntakeConfig config) {
        this.reader = mapper.readerFor(NewComplaintRequest.class).with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
        this.validator = validator;
        this.maxBodyBytes = config.web().maxBodyBytes();
    }

    public NewComplaintRequest read(byte[] body, String contentType) {
        if (body.length > maxBodyBytes) {
            throw new RejectedPayload(TOO_LARGE, "Payload too large",
                    "The body has " + body.length + " bytes; at most " + maxBodyBytes + " are accepted.", List.of());
        }
        if (!isJson(contentType)) {
            throw new RejectedPayload(UNSUPPORTED, "Unsupported media type",
                    "Send the complaint as application/json (got " + (contentType == null ? "none" : contentType) + ").",
                    List.of());
        }
        NewComplaintRequest request;
        try {
            request = body.length == 0 ? null : reader.readValue(body);
        } catch (JsonProcessingException e) {
            throw new RejectedPayload(BAD_REQUEST, "Malformed request body", JsonProblems.describe(e), List.of());
        } catch (IOException e) {
            throw new RejectedPayload(BAD_REQUEST, "Malformed request body", "The body could not be read.", List.of());
        }
        if (request == null) {
            throw new RejectedPayload(BAD_REQUEST, "Malformed request body", "The body is empty.", List.of());
        }
        List<Problem.Violation> violations = validator.validate(request).stream()
                .map(v -> new Problem.Violation(v.getPropertyPath().toString(), v.getMessage()))
                .sorted(Comparator.comparing(Problem.Violation::field))
                .toList();
        if (!violations.isEmpty()) {
            throw new RejectedPayload(BAD_REQUEST, "Invalid request", "The request has invalid or missing fields.",
                    violations);
        }
        return request;
    }

    private static boolean isJson(String contentType) {
        if (contentType == null) {
            return false;
        }
        String type = contentType.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
        return type.equals("application/json") || type.endsWith("+json");
    }
}
