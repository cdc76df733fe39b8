package io.tikun.routing.console;

import io.tikun.routing.HebrewBundleContract;

/** Every text of the manager console's bundle exists in English and Hebrew, with the same parameters. */
class ConsoleMessagesTest extends HebrewBundleContract {

    ConsoleMessagesTest() {
        super(ConsoleMessages.class, "/messages/cs_he.properties");
    }
}
