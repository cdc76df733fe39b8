package io.tikun.intake.hotspot;

/** What complaints can concentrate on: a product, a category or an emerging term. */
public record HotspotSubject(Kind kind, String value) {

    public enum Kind {
        PRODUCT,
        CATEGORY,
        TERM
    }

    /** The subject's key in the topology's stores and on {@code hotspots.detected}, for example {@code PRODUCT:wm-8200}. */
    public String key() {
        return kind + ":" + value;
    }

    static HotspotSubject fromKey(String key) {
        int colon = key.indexOf(':');
        return new HotspotSubject(Kind.valueOf(key.substring(0, colon)), key.substring(colon + 1));
    }
}
