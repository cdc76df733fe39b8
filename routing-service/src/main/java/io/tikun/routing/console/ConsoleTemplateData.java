package io.tikun.routing.console;

import io.quarkus.qute.TemplateData;
import io.tikun.routing.callback.CallbackView;

/** Lets the console's templates read the types of other packages they show. */
@TemplateData(target = CallbackView.class)
@TemplateData(target = CallbackView.Customer.class)
final class ConsoleTemplateData {

    private ConsoleTemplateData() {
    }
}
