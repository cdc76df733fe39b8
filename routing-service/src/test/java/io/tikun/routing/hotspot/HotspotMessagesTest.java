package io.tikun.routing.hotspot;

import io.tikun.routing.HebrewBundleContract;

/** Every text of the hotspot pages' bundle exists in English and Hebrew, with the same parameters. */
class HotspotMessagesTest extends HebrewBundleContract {

    HotspotMessagesTest() {
        super(HotspotMessages.class, "/messages/hs_he.properties");
    }
}
