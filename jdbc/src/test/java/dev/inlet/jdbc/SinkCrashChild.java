package dev.inlet.jdbc;

import dev.inlet.core.Connector;

/**
 * The JVM that {@link SinkKillTest} kills: syncs {@code total} records in pages of {@code pageSize} into table
 * {@code items} at the JDBC URL, printing one line per committed page, then "done"; with "stepped",
 * waits for the parent before each write (see {@link SteppedDataSource}).
 */
public final class SinkCrashChild {

    private SinkCrashChild() {
    }

    public static void main(String[] args) {
        String url = args[0];
        int total = Integer.parseInt(args[1]);
        int pageSize = Integer.parseInt(args[2]);
        boolean stepped = args.length > 3 && args[3].equals("stepped");
        javax.sql.DataSource ds = new UrlDataSource(url);
        JdbcSink sink = JdbcSink.builder(stepped ? SteppedDataSource.wrap(ds, System.out) : ds, "items").primaryKey("id").createTable(true)
                .schemaContract(SchemaContract.FREEZE).batchSize(50)
                .afterCommit(report -> {
                    System.out.println("committed " + report.rows());
                    System.out.flush();
                }).build();
        sink.write(Connector.builder("items", new ListSource(total, pageSize,
                i -> JdbcSinkContract.item(i, "row " + i), -1)).build());
        System.out.println("done");
        System.out.flush();
    }
}
