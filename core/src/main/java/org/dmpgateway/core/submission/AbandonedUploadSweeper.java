package org.dmpgateway.core.submission;

import org.apache.camel.builder.RouteBuilder;
import org.dmpgateway.config.DmpProperties;
import org.dmpgateway.repository.RegistryRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;

/**
 * Deletes the document contents a crash left staged and never published (issue 13): at start and
 * then every {@code dmp.content.sweep-interval}, every upload untouched for longer than
 * {@code dmp.content.abandoned-upload-after} (repository ContentUpload). Safe on every gateway of one
 * database: an upload is deleted by whichever marks it abandoned first, and a request still writing
 * touches its upload at every chunk it flushes.
 */
@Component
public class AbandonedUploadSweeper extends RouteBuilder {
    public static final String ROUTE_ID = "abandoned-upload-sweeper";
    private static final Logger LOG = LoggerFactory.getLogger(AbandonedUploadSweeper.class);

    private final RegistryRepository repository;
    private final Duration abandonedAfter;
    private final Duration interval;
    private final Clock clock = Clock.systemUTC();

    public AbandonedUploadSweeper(RegistryRepository repository, DmpProperties.Content settings) {
        this.repository = repository;
        this.abandonedAfter = settings.abandonedUploadAfter();
        this.interval = settings.sweepInterval();
    }

    @Override
    public void configure() {
        from("timer:" + ROUTE_ID + "?delay=1000&period=" + interval.toMillis()).routeId(ROUTE_ID)
                .bean(this, "sweepOnce");
    }

    /** One pass; returns how many uploads it deleted. */
    public int sweepOnce() {
        int discarded = repository.discardUploadsUntouchedSince(clock.millis() - abandonedAfter.toMillis());
        if (discarded > 0) {
            LOG.info("Deleted {} upload(s) left staged and unpublished for more than {} (dmp.content.abandoned-upload-after)",
                    discarded, abandonedAfter);
        }
        return discarded;
    }
}
