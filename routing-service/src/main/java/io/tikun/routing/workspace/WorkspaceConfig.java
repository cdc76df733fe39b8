package io.tikun.routing.workspace;

import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Settings of the agent workspace ({@code tikun.routing.workspace.*}). */
@ConfigMapping(prefix = "tikun.routing.workspace")
public interface WorkspaceConfig {

    /** Cases per inbox page. */
    @WithDefault("25")
    int pageSize();

    /** A countdown turns amber when less than this fraction of its time is left (red once overdue). */
    @WithDefault("0.25")
    double amberBelow();

    /** Zone in which times are shown until the browser has told its own. */
    @WithDefault("Asia/Jerusalem")
    ZoneId defaultZone();

    /** How often the live stream looks for changed cases (any instance's, the jobs' too). */
    @WithDefault("PT3S")
    Duration liveEvery();

    /** The channels the inbox filter offers. */
    @WithDefault("web,email,meta,x,webhook")
    List<String> channels();

    /** Key that signs the forms' anti-forgery tokens; the same on every instance. */
    String formSecret();

    /**
     * Teams by name with their members' user names ({@code tikun.routing.workspace.teams.billing=tal,noa}); the inbox's
     * "my team" queue shows the cases held by anyone who shares a team with the user. None by default.
     */
    Map<String, List<String>> teams();

    /** How long a rendered form may be sent back. */
    @WithDefault("PT12H")
    Duration formValidFor();
}
