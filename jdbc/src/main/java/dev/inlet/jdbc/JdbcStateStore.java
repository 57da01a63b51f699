package dev.inlet.jdbc;

import dev.inlet.core.state.ConnectorState;
import dev.inlet.core.state.StateStore;
import dev.inlet.core.state.StateStoreException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * A {@link StateStore} in a database table ({@code name} primary key, {@code state} as the JSON of
 * {@link ConnectorState}), created if missing. {@link JdbcSink} writes it with the same connection and
 * transaction as a page's rows; on its own it is a durable store for any connector. Thread-safe.
 */
public final class JdbcStateStore implements StateStore {

    /** The table name unless set. */
    public static final String DEFAULT_TABLE = "inlet_state";

    private final DataSource dataSource;
    private final String table;
    private final Dialect dialect;

    private JdbcStateStore(DataSource dataSource, String table, Dialect dialect) {
        this.dataSource = dataSource;
        this.table = table;
        this.dialect = dialect;
    }

    /** A store in table {@value #DEFAULT_TABLE}, created if missing. */
    public static JdbcStateStore in(DataSource dataSource) {
        return in(dataSource, DEFAULT_TABLE);
    }

    /** A store in this table, created if missing. */
    public static JdbcStateStore in(DataSource dataSource, String table) {
        Objects.requireNonNull(dataSource, "dataSource");
        try (Connection c = dataSource.getConnection()) {
            Dialect d = Dialect.of(c);
            JdbcStateStore store = new JdbcStateStore(dataSource, table, d);
            store.create(c);
            return store;
        } catch (SQLException e) {
            throw new StateStoreException("cannot create the state table " + table + ": " + e.getMessage(), "check the database connection", e);
        }
    }

    private void create(Connection c) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("CREATE TABLE IF NOT EXISTS " + dialect.quote(table) + " (" + dialect.quote("name") + " "
                    + (dialect == Dialect.MYSQL ? "VARCHAR(255)" : dialect.textType()) + " PRIMARY KEY, "
                    + dialect.quote("state") + " " + (dialect == Dialect.MYSQL ? "TEXT" : dialect.textType()) + " NOT NULL)");
        }
    }

    @Override
    public Optional<ConnectorState> load(String name) {
        StateStore.requireName(name);
        try (Connection c = dataSource.getConnection()) {
            return load(c, name);
        } catch (SQLException e) {
            throw new StateStoreException("cannot read the state of " + name + " from " + table + ": " + e.getMessage(), "check the database connection", e);
        }
    }

    /** Reads the state with this connection (inside the caller's transaction). */
    Optional<ConnectorState> load(Connection c, String name) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT " + dialect.quote("state") + " FROM "
                + dialect.quote(table) + " WHERE " + dialect.quote("name") + " = ?")) {
            ps.setString(1, name);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(ConnectorState.fromJson(rs.getString(1))) : Optional.empty();
            }
        }
    }

    @Override
    public void save(String name, ConnectorState state) {
        StateStore.requireName(name);
        try (Connection c = dataSource.getConnection()) {
            save(c, name, state);
        } catch (SQLException e) {
            throw new StateStoreException("cannot save the state of " + name + " to " + table + ": " + e.getMessage(), "check the database connection", e);
        }
    }

    /** Writes the state with this connection, inside the caller's transaction (if one is open). */
    void save(Connection c, String name, ConnectorState state) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(dialect.upsert(table, List.of("name", "state"), List.of("name")))) {
            ps.setString(1, name);
            ps.setString(2, state.toJson());
            ps.executeUpdate();
        }
    }

    @Override
    public void delete(String name) {
        StateStore.requireName(name);
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement("DELETE FROM "
                + dialect.quote(table) + " WHERE " + dialect.quote("name") + " = ?")) {
            ps.setString(1, name);
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new StateStoreException("cannot delete the state of " + name + " from " + table + ": " + e.getMessage(), "check the database connection", e);
        }
    }

    @Override
    public String toString() {
        return "JdbcStateStore[" + table + "]";
    }
}
