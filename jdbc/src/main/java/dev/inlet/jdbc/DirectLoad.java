package dev.inlet.jdbc;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Whether a sink run may bulk-load its pages straight into the target table instead of staging them and
 * upserting: decided once, at the run's first page, in that page's transaction. It may when the run is not a
 * resumed one, the table looks empty (an initial load: every key is new, so an insert is what the upsert would
 * do) and a unique index on exactly the primary-key columns exists (so a key that does arrive twice, from
 * another page or another writer, fails the load with a unique violation, which the caller answers by rolling
 * the load back and upserting, rather than landing as a second row). Correctness rests on that index, not
 * on the emptiness test: emptiness only predicts that the direct load will not be wasted.
 *
 * <p>So on PostgreSQL the prediction is read from the statistics ({@code pg_stat_user_tables.n_live_tup}), not by
 * scanning: after a {@code DELETE} the table's dead rows stay until vacuum, and {@code SELECT 1 ... LIMIT 1} walks
 * all of them (6.7 ms over 20,000 in the bench, seconds over millions), every run. The statistics can lag a
 * writer by up to a few seconds: a table that just filled reads as empty (the first page that repeats a key falls
 * back, as above), one that was just emptied as not (that run stages). With statistics off
 * ({@code track_counts}) every table reads as empty, which costs a wasted page where the first page repeats a key.
 */
final class DirectLoad {

    /** PostgreSQL's SQL state for a unique violation. */
    static final String UNIQUE_VIOLATION = "23505";

    private DirectLoad() {
    }

    /** Whether pages may go straight into the table (see the class comment); never for a resumed run. */
    static boolean allowed(Connection c, Dialect dialect, String table, List<String> keyColumns, boolean resumed)
            throws SQLException {
        return !resumed && looksEmpty(c, dialect, table) && hasUniqueIndexOn(c.getMetaData(), table, keyColumns);
    }

    private static boolean looksEmpty(Connection c, Dialect dialect, String table) throws SQLException {
        if (dialect == Dialect.POSTGRESQL) {
            // the function behind pg_stat_user_tables.n_live_tup: the view costs a new backend 3 ms to plan
            try (PreparedStatement ps = c.prepareStatement("SELECT pg_stat_get_live_tuples(to_regclass(?))")) {
                ps.setString(1, dialect.quote(table));
                try (ResultSet rs = ps.executeQuery()) {
                    if (rs.next()) {
                        long live = rs.getLong(1);
                        if (!rs.wasNull()) {
                            return live == 0;
                        }
                    }
                }
            }
        }
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT 1 FROM " + dialect.quote(table) + " LIMIT 1")) {
            return !rs.next();
        }
    }

    /** Whether a unique, non-partial index (or the primary key) covers exactly these columns. */
    static boolean hasUniqueIndexOn(DatabaseMetaData meta, String table, List<String> keyColumns) throws SQLException {
        Set<String> keys = new HashSet<>();
        keyColumns.forEach(k -> keys.add(k.toLowerCase(Locale.ROOT)));
        for (String name : new String[] {table, table.toLowerCase(Locale.ROOT), table.toUpperCase(Locale.ROOT)}) {
            Map<String, Set<String>> indexes = new HashMap<>();
            Set<String> partial = new HashSet<>();
            try (ResultSet rs = meta.getIndexInfo(null, null, name, true, true)) {
                while (rs.next()) {
                    String index = rs.getString("INDEX_NAME");
                    String column = rs.getString("COLUMN_NAME");
                    if (index == null) {
                        continue; // table statistics, not an index
                    }
                    if (column == null || rs.getString("FILTER_CONDITION") != null) {
                        partial.add(index); // an expression or partial index: not what ON CONFLICT (keys) means
                    } else {
                        indexes.computeIfAbsent(index, i -> new HashSet<>()).add(column.toLowerCase(Locale.ROOT));
                    }
                }
            }
            for (Map.Entry<String, Set<String>> index : indexes.entrySet()) {
                if (!partial.contains(index.getKey()) && index.getValue().equals(keys)) {
                    return true;
                }
            }
            if (!indexes.isEmpty() || !partial.isEmpty()) {
                return false;
            }
        }
        return false;
    }
}
