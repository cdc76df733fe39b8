package io.tikun.routing.hotspot;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * The console's hotspot section in English; {@code messages/hs_he.properties} holds the Hebrew texts
 * (HotspotMessagesTest fails when a key is missing there). The page's locale picks the language.
 */
@MessageBundle(value = "hs", locale = "en")
public interface HotspotMessages {

    @Message("Hotspots")
    String title();

    @Message("Complaints concentrating on one subject beyond what its history makes likely; each was sent to the service manager once.")
    String hint();

    @Message("No current hotspot.")
    String none();

    @Message("Subject")
    String subject();

    @Message("Window")
    String window();

    @Message("Customers")
    String customers();

    @Message("Expected")
    String expected();

    @Message("p-value")
    String pValue();

    @Message("Sample complaints")
    String samples();

    @Message("{count} complaints")
    String complaints(int count);

    @Message("product")
    String kindProduct();

    @Message("category")
    String kindCategory();

    @Message("term")
    String kindTerm();

    @Message("product and category")
    String kindProductCategory();

    @Message("root cause")
    String kindRootCause();
}
