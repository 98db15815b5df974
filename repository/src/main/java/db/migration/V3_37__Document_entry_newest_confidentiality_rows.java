package db.migration;

import org.dmpgateway.repository.NewestConfidentialityBackfill;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * Issue 19, the selection's visibility test: fills {@code document_entry.newest_confidentiality}
 * (added by V3_35) for the entries stored before, from the coded_value rows of the newest version
 * of each document ({@link NewestConfidentialityBackfill}). A Java migration for the reason of
 * V3_27 (the same text on H2 and PostgreSQL, which share no string aggregate).
 *
 * <p>Not in one transaction, like V3_27 (H2 keeps an open transaction's pages in the heap). A
 * migration stopped half way is safe to run again: it fills only the entries still without the
 * column, and the visibility test counts those as masked meanwhile.
 */
public class V3_37__Document_entry_newest_confidentiality_rows extends BaseJavaMigration {
    @Override
    public boolean canExecuteInTransaction() {
        return false;
    }

    @Override
    public void migrate(Context context) {
        NewestConfidentialityBackfill.fill(context.getConnection());
    }
}
