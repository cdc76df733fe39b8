package io.tikun.routing.conversation;

import java.nio.file.Path;
import java.time.ZoneId;
import java.util.Map;
import java.util.Optional;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** How routing talks to customers through intake's gateway ({@code tikun.routing.conversation.*}). */
@ConfigMapping(prefix = "tikun.routing.conversation")
public interface ConversationConfig {

    /** Longest reply or note an agent may write, in characters (intake accepts up to 20000). */
    @WithDefault("5000")
    @Min(1)
    @Max(20000)
    int maxTextLength();

    /** The zone in which due times are written to customers. */
    @WithDefault("Asia/Jerusalem")
    ZoneId customerTimeZone();

    /**
     * A directory with {@code texts_<lang>.properties} files whose keys replace the shipped customer texts, so an
     * operator can reword them without a build.
     */
    Optional<Path> textsDirectory();

    /** Agents' e-mail addresses by user name: a failed delivery is mailed to the case's assignee when known here. */
    Map<String, String> agentEmails();
}
