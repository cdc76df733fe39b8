package io.tikun.followup.complaint;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** A change routing announces on {@code cases.updated}, by the wire name its schema enumerates. */
public enum CaseChange {
    OPENED("opened"),
    ESCALATED("escalated"),
    CALLBACK_SCHEDULED("callback-scheduled"),
    RESPONDED("responded"),
    RESOLVED("resolved"),
    REOPENED("reopened");

    private final String wireName;

    CaseChange(String wireName) {
        this.wireName = wireName;
    }

    @JsonValue
    public String wireName() {
        return wireName;
    }

    /** A name routing does not declare is refused: the event is dead-lettered, not half understood. */
    @JsonCreator
    public static CaseChange fromWire(String wireName) {
        for (CaseChange change : values()) {
            if (change.wireName.equals(wireName)) {
                return change;
            }
        }
        throw new IllegalArgumentException("unknown case change '" + wireName + "'");
    }
}
