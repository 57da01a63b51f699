package dev.inlet.jdbc;

import dev.inlet.jdbc.TableColumns.Column;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import tools.jackson.databind.JsonNode;

/**
 * Writes records in PostgreSQL's binary COPY format ({@code COPY ... FROM STDIN (FORMAT binary)}), chunk by chunk
 * (see {@link CopyBuffer}): each value as the column type's own binary form, so the server skips the text input
 * functions (integer, numeric and above all timestamp parsing, a large part of its time per row in the CSV
 * path's profile). Only for tables whose every column has a type written here ({@link #writes}); the rest use
 * {@link CopyCsv}. Values are checked by {@link ValueBinder#convert} first, so the same values are refused as on
 * the batched insert, plus what a narrower column cannot hold (an integer beyond {@code int4}, a date beyond
 * PostgreSQL's range), which the server would refuse there too. Timestamps are rounded to the microsecond,
 * half up, as the driver rounds a bound {@code OffsetDateTime}.
 */
final class CopyBinary extends CopyBuffer {

    private static final byte[] SIGNATURE = {'P', 'G', 'C', 'O', 'P', 'Y', '\n', (byte) 0xFF, '\r', '\n', 0};
    /** 2000-01-01T00:00:00Z, PostgreSQL's epoch for dates and timestamps, in seconds and days since 1970. */
    private static final long PG_EPOCH_SECONDS = 946_684_800L;
    private static final long PG_EPOCH_DAYS = 10_957L;
    /** PostgreSQL's timestamp range: 4714-11-24 BC to 294276-12-31 AD, in microseconds from its epoch. */
    private static final long MIN_MICROS = -211_813_488_000_000_000L;
    private static final long END_MICROS = 9_223_371_331_200_000_000L;
    private static final BigInteger TEN_THOUSAND = BigInteger.valueOf(10_000);

    /** The binary forms written here, by PostgreSQL type name. */
    private enum Form { INT8, INT4, INT2, FLOAT8, FLOAT4, BOOL, TEXT, JSONB, NUMERIC, TIMESTAMPTZ, TIMESTAMP, DATE }

    private static Optional<Form> form(Column c) {
        return Optional.ofNullable(switch (c.typeName().toLowerCase(Locale.ROOT)) {
            case "int8", "bigserial" -> Form.INT8;
            case "int4", "serial" -> Form.INT4;
            case "int2", "smallserial" -> Form.INT2;
            case "float8" -> Form.FLOAT8;
            case "float4" -> Form.FLOAT4;
            case "bool" -> Form.BOOL;
            case "text", "varchar", "bpchar", "json" -> Form.TEXT;
            case "jsonb" -> Form.JSONB;
            case "numeric" -> Form.NUMERIC;
            case "timestamptz" -> Form.TIMESTAMPTZ;
            case "timestamp" -> Form.TIMESTAMP;
            case "date" -> Form.DATE;
            default -> null;
        });
    }

    /** Whether every column has a binary form written here. */
    static boolean writes(List<Column> columns) {
        return columns.stream().allMatch(c -> form(c).isPresent());
    }

    /** Writes the header, every record's tuple of these columns and the trailer to {@code out}. */
    void write(List<Column> columns, Collection<JsonNode> records, String where, Chunks out) throws SQLException {
        start(out);
        Form[] forms = columns.stream().map(c -> form(c).orElseThrow()).toArray(Form[]::new);
        for (byte b : SIGNATURE) {
            put(b);
        }
        int32(0); // flags: no OIDs
        int32(0); // header extension: none
        for (JsonNode record : records) {
            int16(columns.size());
            for (int i = 0; i < forms.length; i++) {
                Column column = columns.get(i);
                value(forms[i], column, ValueBinder.convert(column, TableWriter.field(record, column.name()), where),
                        where);
            }
        }
        int16(-1);
        finish();
    }

    private void value(Form form, Column column, Object v, String where) throws SQLException {
        if (v == null) {
            int32(-1);
            return;
        }
        switch (form) {
            case INT8 -> {
                int32(8);
                int64((Long) v);
            }
            case INT4 -> {
                int32(4);
                int32((int) within((Long) v, Integer.MIN_VALUE, Integer.MAX_VALUE, column, where));
            }
            case INT2 -> {
                int32(2);
                int16((int) within((Long) v, Short.MIN_VALUE, Short.MAX_VALUE, column, where));
            }
            case FLOAT8 -> {
                int32(8);
                int64(Double.doubleToRawLongBits((Double) v));
            }
            case FLOAT4 -> {
                double d = (Double) v;
                float f = (float) d;
                if (Float.isInfinite(f) && !Double.isInfinite(d)) {
                    throw outOfRange(column, v, where);
                }
                int32(4);
                int32(Float.floatToRawIntBits(f));
            }
            case BOOL -> {
                int32(1);
                put((byte) ((Boolean) v ? 1 : 0));
            }
            case TEXT, JSONB -> {
                String text = (String) v;
                boolean jsonb = form == Form.JSONB;
                int32(utf8Length(text) + (jsonb ? 1 : 0));
                if (jsonb) {
                    put((byte) 1); // jsonb's binary form: a version byte, then the JSON text
                }
                utf8(text, false, column, where);
            }
            case NUMERIC -> numeric((BigDecimal) v);
            case TIMESTAMPTZ -> {
                OffsetDateTime t = (OffsetDateTime) v;
                timestamp(t.toEpochSecond(), t.getNano(), column, v, where);
            }
            case TIMESTAMP -> {
                LocalDateTime t = (LocalDateTime) v;
                timestamp(t.toEpochSecond(ZoneOffset.UTC), t.getNano(), column, v, where);
            }
            case DATE -> {
                long days = ((LocalDate) v).toEpochDay() - PG_EPOCH_DAYS;
                within(days, -2_451_545, 2_147_483_493L - 2_451_545, column, where); // PostgreSQL's date range
                int32(4);
                int32((int) days);
            }
            default -> throw new IllegalStateException(String.valueOf(form));
        }
    }

    private void timestamp(long epochSecond, int nano, Column column, Object v, String where) throws SQLException {
        long seconds = epochSecond - PG_EPOCH_SECONDS;
        // java.time reaches years ±999,999,999, whose microseconds overflow a long: check the seconds first
        if (seconds < MIN_MICROS / 1_000_000 - 1 || seconds > END_MICROS / 1_000_000 + 1) {
            throw outOfRange(column, v, where);
        }
        long micros = seconds * 1_000_000 + (nano + 500) / 1000;
        if (micros < MIN_MICROS || micros >= END_MICROS) {
            throw outOfRange(column, v, where);
        }
        int32(8);
        int64(micros);
    }

    /**
     * PostgreSQL's numeric: int16 count of base-10000 digits, int16 weight (the power of 10000 of the first digit),
     * int16 sign, int16 display scale, then the digits, most significant first; zeros at either end left out.
     */
    private void numeric(BigDecimal d) throws SQLException {
        int sign = d.signum() < 0 ? 0x4000 : 0;
        int scale = Math.max(0, d.scale());
        BigInteger unscaled = (d.scale() < 0 ? d.setScale(0) : d).unscaledValue().abs();
        int padded = (scale + 3) / 4 * 4; // fraction digits up to whole base-10000 digits
        short[] groups;
        int count;
        if (unscaled.bitLength() < 50) { // × 1000 at most: stays well inside a long
            long u = unscaled.longValue() * pow10(padded - scale);
            groups = new short[6];
            count = 0;
            for (; u > 0; u /= 10_000) {
                groups[count++] = (short) (u % 10_000);
            }
        } else {
            BigInteger u = unscaled.multiply(BigInteger.TEN.pow(padded - scale));
            groups = new short[u.bitLength() / 13 + 2];
            count = 0;
            while (u.signum() > 0) {
                BigInteger[] qr = u.divideAndRemainder(TEN_THOUSAND);
                groups[count++] = qr[1].shortValue();
                u = qr[0];
            }
        }
        // groups[0] is the least significant; its power of 10000 is -padded/4
        int low = 0;
        while (low < count && groups[low] == 0) {
            low++;
        }
        int ndigits = count - low;
        int weight = ndigits == 0 ? 0 : count - 1 - padded / 4;
        int bytes = 8 + 2 * ndigits;
        int32(bytes);
        int16(ndigits);
        int16(weight);
        int16(ndigits == 0 ? 0 : sign);
        int16(scale);
        for (int i = count - 1; i >= low; i--) {
            int16(groups[i]);
        }
    }

    private static long pow10(int n) {
        long p = 1;
        for (int i = 0; i < n; i++) {
            p *= 10;
        }
        return p;
    }

    private static long within(long value, long min, long max, Column column, String where) {
        if (value < min || value > max) {
            throw outOfRange(column, value, where);
        }
        return value;
    }

    private static JdbcConfigurationException outOfRange(Column column, Object value, String where) {
        return new JdbcConfigurationException(where + ": " + value + " is out of range for column " + column.name()
                + " (" + column.typeName() + "); widen the column's type or convert the field in a RecordMapper");
    }

    private void int16(int v) throws SQLException {
        roomFor(2);
        buffer[length++] = (byte) (v >> 8);
        buffer[length++] = (byte) v;
    }

    private void int32(int v) throws SQLException {
        roomFor(4);
        buffer[length++] = (byte) (v >> 24);
        buffer[length++] = (byte) (v >> 16);
        buffer[length++] = (byte) (v >> 8);
        buffer[length++] = (byte) v;
    }

    private void int64(long v) throws SQLException {
        roomFor(8);
        for (int shift = 56; shift >= 0; shift -= 8) {
            buffer[length++] = (byte) (v >> shift);
        }
    }
}
