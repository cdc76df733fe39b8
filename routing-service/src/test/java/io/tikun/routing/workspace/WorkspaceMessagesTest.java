package io.tikun.routing.workspace;

import io.tikun.routing.HebrewBundleContract;

/** Every text of the workspace's bundle exists in English and Hebrew, with the same parameters. */
class WorkspaceMessagesTest extends HebrewBundleContract {

    WorkspaceMessagesTest() {
        super(WorkspaceMessages.class, "/messages/ws_he.properties");
    }
}
