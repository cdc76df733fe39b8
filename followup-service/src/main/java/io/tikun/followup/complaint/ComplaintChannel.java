package io.tikun.followup.complaint;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** The channel a complaint came in on, by the wire name intake's {@code complaints.received} schema enumerates. */
public enum ComplaintChannel {
    WEB("web"),
    EMAIL("email"),
    META("meta"),
    X("x"),
    WEBHOOK("webhook");

    private final String wireName;

    ComplaintChannel(String wireName) {
        this.wireName = wireName;
    }

    @JsonValue
    public String wireName() {
        return wireName;
    }

    @JsonCreator
    public static ComplaintChannel fromWire(String wireName) {
        for (ComplaintChannel channel : values()) {
            if (channel.wireName.equals(wireName)) {
                return channel;
            }
        }
        throw new IllegalArgumentException("unknown channel '" + wireName + "'");
    }
}
