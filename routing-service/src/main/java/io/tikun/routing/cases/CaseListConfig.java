package io.tikun.routing.cases;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** How lists of cases are counted and paged, in the workspace inbox and the API alike ({@code tikun.routing.cases.*}). */
@ConfigMapping(prefix = "tikun.routing.cases")
public interface CaseListConfig {

    /**
     * A list counts matching cases up to this many and pages no deeper. Where the order's index serves the filter, the
     * count and the deepest page then cost the same at a million cases as at this many; a selective filter in an order
     * its index does not serve still walks that order's index (see the routing README). The inbox shows "10,000+"; the
     * API answers {@code X-Total-Count} up to it with {@code X-Total-Count-Capped: true}, and 400 for a page past it
     * (narrow the filters, or order the other way).
     */
    @WithDefault("10000")
    int countUpTo();
}
