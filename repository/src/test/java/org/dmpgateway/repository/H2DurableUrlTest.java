package org.dmpgateway.repository;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class H2DurableUrlTest {

    @Test
    void anH2FileUrlGetsTheDurableSettings() {
        assertEquals("jdbc:h2:file:/var/lib/dmp/dmp-gateway;WRITE_DELAY=0;DB_CLOSE_ON_EXIT=FALSE;QUERY_CACHE_SIZE=64",
                H2DurableUrl.of("jdbc:h2:file:/var/lib/dmp/dmp-gateway"));
        assertEquals("jdbc:h2:./data/dmp;MODE=PostgreSQL;WRITE_DELAY=0;DB_CLOSE_ON_EXIT=FALSE;QUERY_CACHE_SIZE=64",
                H2DurableUrl.of("jdbc:h2:./data/dmp;MODE=PostgreSQL"));
    }

    @Test
    void theShippedDefaultGetsTheStatementCache() {
        String url = "jdbc:h2:file:./data/dmp-gateway;WRITE_DELAY=0;DB_CLOSE_ON_EXIT=FALSE";
        assertEquals(url + ";QUERY_CACHE_SIZE=64", H2DurableUrl.of(url));
        assertEquals("jdbc:h2:file:./x;write_delay=0;DB_CLOSE_ON_EXIT=FALSE;QUERY_CACHE_SIZE=64",
                H2DurableUrl.of("jdbc:h2:file:./x;write_delay=0"));
    }

    @Test
    void aStatementCacheTheUrlSetsIsKept() {
        assertEquals("jdbc:h2:file:./x;query_cache_size=16;WRITE_DELAY=0;DB_CLOSE_ON_EXIT=FALSE",
                H2DurableUrl.of("jdbc:h2:file:./x;query_cache_size=16"));
    }

    @Test
    void aDelayedWriteOrH2sOwnShutdownHookIsRefused() {
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> H2DurableUrl.of("jdbc:h2:file:./x;WRITE_DELAY=500"));
        assertTrue(e.getMessage().contains("WRITE_DELAY=500") && e.getMessage().contains("WRITE_DELAY=0"), e.getMessage());
        e = assertThrows(IllegalStateException.class, () -> H2DurableUrl.of("jdbc:h2:file:./x;DB_CLOSE_ON_EXIT=TRUE"));
        assertTrue(e.getMessage().contains("DB_CLOSE_ON_EXIT=TRUE"), e.getMessage());
    }

    @Test
    void otherDatabasesAndInMemoryOrRemoteH2AreLeftAlone() {
        for (String url : new String[] {"jdbc:postgresql://127.0.0.1:5432/dmp", "jdbc:h2:mem:test;DB_CLOSE_DELAY=-1",
                "jdbc:h2:tcp://db:9092/dmp", "jdbc:h2:zip:/tmp/x.zip!/dmp"}) {
            assertEquals(url, H2DurableUrl.of(url));
        }
    }
}
