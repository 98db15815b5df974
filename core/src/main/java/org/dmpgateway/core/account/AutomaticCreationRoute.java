package org.dmpgateway.core.account;

import org.apache.camel.builder.RouteBuilder;
import org.springframework.stereotype.Component;

/**
 * Runs {@link AutomaticCreation} every {@code dmp.accounts.creation.poll-interval} milliseconds
 * (default one minute) on every server; {@code dmp.accounts.creation.enabled=false} keeps it stopped.
 */
@Component
public class AutomaticCreationRoute extends RouteBuilder {
    public static final String ROUTE_ID = "account-automatic-creation";

    private final AccountSettings settings;
    private final AutomaticCreation creation;

    public AutomaticCreationRoute(AccountSettings settings, AutomaticCreation creation) {
        this.settings = settings;
        this.creation = creation;
    }

    @Override
    public void configure() {
        long period = settings.creationPollMillis();
        from("timer:account-automatic-creation?period=" + period + "&delay=" + period).routeId(ROUTE_ID)
                .autoStartup(settings.creationEnabled())
                .bean(creation, "runOnce");
    }
}
