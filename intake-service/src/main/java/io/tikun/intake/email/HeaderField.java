package io.tikun.intake.email;

/** One header field with its value unfolded and RFC 2047-decoded. */
record HeaderField(String name, String value) {
}
