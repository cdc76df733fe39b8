package io.tikun.routing.workspace;

import io.quarkus.qute.TemplateData;

/**
 * Where a page (counted from 0) sits among all the pages of {@code total} items, {@code size} per page; {@code more} when
 * the items were counted up to {@code total} only and there are more (no page beyond is offered).
 */
@TemplateData
public record Paging(int page, int size, long total, boolean more) {

    public Paging {
        if (size < 1) {
            throw new IllegalArgumentException("size must be positive");
        }
        page = Math.max(page, 0);
    }

    /** Items all counted. */
    public Paging(int page, int size, long total) {
        this(page, size, total, false);
    }

    /** Pages in all; an empty list still has one (empty) page. */
    public int pages() {
        return (int) Math.max(1, (total + size - 1) / size);
    }

    /** The page as people count it, from 1. */
    public int number() {
        return page + 1;
    }

    public boolean hasPrevious() {
        return page > 0;
    }

    public boolean hasNext() {
        return page + 1 < pages();
    }

    /** A page asked past the end shows the last one. */
    public Paging clamped() {
        return page < pages() ? this : new Paging(pages() - 1, size, total, more);
    }
}
