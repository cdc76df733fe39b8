package io.tikun.routing.workspace;

import io.tikun.routing.HebrewBundleContract;

/**
 * Every text of the case page's promises, assign form and customer panel bundle exists in English and Hebrew, with the same
 * parameters.
 */
class CaseSideMessagesTest extends HebrewBundleContract {

    CaseSideMessagesTest() {
        super(CaseSideMessages.class, "/messages/cp_he.properties");
    }
}
