package dev.inlet.jdbc;

/**
 * What {@link JdbcSink} does with a record field that has no column in the table. There is no default:
 * the choice is explicit, because each one loses something (a frozen table stops the sync, a discarding one
 * drops data, an evolving one changes a table others may read).
 */
public enum SchemaContract {
    /** Add the column ({@code ALTER TABLE ... ADD COLUMN}, in the page's transaction), typed from the value. */
    EVOLVE,
    /** Stop with a {@link JdbcConfigurationException} naming the field; nothing of the page is written. */
    FREEZE,
    /** Write the known columns and drop the field, counted in {@link SinkReport#discardedFields()}. */
    DISCARD
}
