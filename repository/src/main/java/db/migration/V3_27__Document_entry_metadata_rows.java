package db.migration;

import org.dmpgateway.repository.EntryMetadataBackfill;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * Issue 19, the selection layout: fills {@code document_entry.child_metadata} (added by V3_26) for
 * the entries stored before, from their child rows ({@link EntryMetadataBackfill}). A Java
 * migration because the same JSON text must be written on H2 and PostgreSQL 15, which share no
 * JSON aggregate functions.
 *
 * <p>Not in one transaction: each batch of entries is committed on its own, because H2 keeps the
 * pages of an open transaction in the heap (a registry of millions of entries would not fit). A
 * migration stopped half way is safe to run again: it fills only the entries still without the
 * column, and the reader falls back to the child rows for those.
 */
public class V3_27__Document_entry_metadata_rows extends BaseJavaMigration {
    @Override
    public boolean canExecuteInTransaction() {
        return false;
    }

    @Override
    public void migrate(Context context) {
        EntryMetadataBackfill.fill(context.getConnection());
    }
}
