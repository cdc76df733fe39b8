package io.tikun.followup.reporting;

import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.tikun.followup.FollowupConfig;

/**
 * The team of each commitment owner, from {@code tikun.followup.reporting.teams.<owner>}: {@code commitments.made}
 * names an owner but no team. Owners not listed belong to the configured unassigned team.
 */
@ApplicationScoped
public class OwnerTeams {

    private final Map<String, String> teams;
    private final String unassigned;

    @Inject
    public OwnerTeams(FollowupConfig config) {
        this(config.reporting().teams(), config.reporting().unassignedTeam());
    }

    OwnerTeams(Map<String, String> teams, String unassigned) {
        this.teams = Map.copyOf(teams);
        this.unassigned = unassigned;
    }

    public String teamOf(String owner) {
        return teams.getOrDefault(owner, unassigned);
    }
}
