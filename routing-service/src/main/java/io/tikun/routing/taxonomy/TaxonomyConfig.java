package io.tikun.routing.taxonomy;

import java.util.Optional;

import io.smallrye.config.ConfigMapping;

/** Where the categories and root causes agents choose from at resolution come from ({@code tikun.routing.taxonomy.*}). */
@ConfigMapping(prefix = "tikun.routing.taxonomy")
public interface TaxonomyConfig {

    /**
     * A JSON file replacing the shipped {@code resolution/taxonomy.json} (same shape), for operators who edit the lists;
     * read at startup.
     */
    Optional<String> file();
}
