package io.tikun.intake.hotspot;

/**
 * What complaints can concentrate on: a product, a category, one product's complaints of one category (a defect of
 * one product stands out there long before it moves the product's total), or an emerging term; or what resolved
 * cases were found to be caused by (a root cause, per product and per category).
 */
public record HotspotSubject(Kind kind, String value) {

    public enum Kind {
        PRODUCT,
        CATEGORY,
        /** One product's complaints of one category, as {@code <productId>/<category>}. */
        PRODUCT_CATEGORY,
        TERM,
        ROOT_CAUSE
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
