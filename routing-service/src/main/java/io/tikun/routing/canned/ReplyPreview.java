package io.tikun.routing.canned;

import java.util.List;

/** A reply as the customer would read it; {@code missing} lists the placeholders left without a value. */
public record ReplyPreview(String language, String text, List<String> missing) {
}
