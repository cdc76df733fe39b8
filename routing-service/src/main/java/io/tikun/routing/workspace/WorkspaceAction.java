package io.tikun.routing.workspace;

import java.util.Locale;

/** The actions the case page's forms post; those with a text field say so. */
public enum WorkspaceAction {
    CLAIM(false),
    REPLY(true),
    NOTE(true),
    WAIT(false),
    RESUME(false),
    RESOLVE(true),
    REOPEN(true);

    private final boolean needsText;

    WorkspaceAction(boolean needsText) {
        this.needsText = needsText;
    }

    public boolean needsText() {
        return needsText;
    }

    /** The action named in the form's path ({@code reply}, {@code wait}...), or null for none of ours. */
    public static WorkspaceAction named(String name) {
        return InboxFilter.parse(WorkspaceAction.class, name == null ? null : name.toUpperCase(Locale.ROOT));
    }

    /** The form's name in the path and in drafts. */
    public String path() {
        return name().toLowerCase(Locale.ROOT);
    }
}
