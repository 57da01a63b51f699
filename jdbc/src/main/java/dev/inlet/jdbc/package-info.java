/**
 * Databases as sources and sinks on plain JDBC: {@link dev.inlet.jdbc.SqlSource} reads a query with keyset
 * pagination, {@link dev.inlet.jdbc.JdbcSink} writes any connector's records with its state in the same
 * transaction, and {@link dev.inlet.jdbc.MetricHistory} keeps aggregation results with their lineage.
 * Connection pooling is the caller's: every class takes a {@link javax.sql.DataSource}.
 */
package dev.inlet.jdbc;
