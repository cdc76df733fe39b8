package io.tikun.routing.canned;

import java.util.Map;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * A canned response as a manager writes it: a title and a body per language code ({@code he}, {@code en},
 * {@code ar}, {@code ru}; at least one).
 */
public record CannedResponseRequest(
        @NotBlank @Size(max = 200) String title,
        @NotNull @NotEmpty Map<String, @NotBlank @Size(max = 5000) String> bodies) {
}
