package dev.inlet.jdbc;

import java.nio.file.Path;
import javax.sql.DataSource;
import org.junit.jupiter.api.io.TempDir;

/**
 * H2 with a plain URL (no {@code NON_KEYWORDS=VALUE}, no {@code DATABASE_TO_LOWER}): H2 2.x takes {@code VALUE} as
 * a keyword and folds unquoted names to upper case, so this passes only if every name is quoted alike.
 */
class H2MetricHistoryTest extends MetricHistoryContract {

    @TempDir
    Path dir;

    @Override
    DataSource dataSource() {
        return new UrlDataSource("jdbc:h2:" + dir.resolve("history"));
    }

    /**
     * The settings an earlier version's SQL needed on H2: its tables are lower-case in schema {@code public}, and
     * the quoted lower-case names of today's SQL find them through the same URL.
     */
    @Override
    DataSource legacyDataSource() {
        return new UrlDataSource("jdbc:h2:" + dir.resolve("history") + ";NON_KEYWORDS=VALUE;DATABASE_TO_LOWER=TRUE");
    }
}
