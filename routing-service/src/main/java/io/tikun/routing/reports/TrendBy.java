package io.tikun.routing.reports;

/** What the weekly trends count resolutions by. */
public enum TrendBy {
    CATEGORY("category", "category"),
    ROOT_CAUSE("rootCause", "root_cause");

    private final String parameter;
    private final String column;

    TrendBy(String parameter, String column) {
        this.parameter = parameter;
        this.column = column;
    }

    public String parameter() {
        return parameter;
    }

    String column() {
        return column;
    }

    /** The value of the {@code by} parameter ({@code category} or {@code rootCause}), or null for another. */
    static TrendBy parse(String value) {
        for (TrendBy by : values()) {
            if (by.parameter.equals(value)) {
                return by;
            }
        }
        return null;
    }
}
