package io.tikun.routing.cases;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** How lists of cases are counted and paged, in the workspace inbox and the API alike ({@code tikun.routing.cases.*}). */
@ConfigMapping(prefix = "tikun.routing.cases")
public interface CaseListConfig {

    /**
     * A list counts matching cases up to this many and pages no deeper, so the count and the deepest page cost about the
     * same at a million cases as at this many (the count has no order, so each filter's own index serves it). The inbox
     * shows "10,000+"; the API answers {@code X-Total-Count} up to it with {@code X-Total-Count-Capped: true}, and 400
     * for a page past it (narrow the filters, or order the other way).
     */
    @WithDefault("10000")
    int countUpTo();
}
