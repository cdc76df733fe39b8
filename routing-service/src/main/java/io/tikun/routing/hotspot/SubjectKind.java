package io.tikun.routing.hotspot;

/** What a hotspot is about, as intake names it in {@code hotspots.detected} ({@code subject.kind}). */
public enum SubjectKind {
    /** A catalogue product id. */
    PRODUCT,
    /** A complaint category code. */
    CATEGORY,
    /** One product's complaints of one category ({@code product/category}). */
    PRODUCT_CATEGORY,
    /** A word complaints share: an emerging topic nobody has named. */
    TERM,
    /** A root cause agents gave when resolving cases, per product or category ({@code product/root-cause}). */
    ROOT_CAUSE
}
