package db.migration;

import org.dmpgateway.repository.EntryMetadataBackfill;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * Issue 19, the selection layout: fills {@code document_entry.child_metadata} (added by V3_17) for
 * the entries stored before, from their child rows ({@link EntryMetadataBackfill}). A Java
 * migration because the same JSON text must be written on H2 and PostgreSQL 15, which share no
 * JSON aggregate functions.
 */
public class V3_18__Document_entry_metadata_rows extends BaseJavaMigration {
    @Override
    public void migrate(Context context) {
        EntryMetadataBackfill.fill(context.getConnection());
    }
}
