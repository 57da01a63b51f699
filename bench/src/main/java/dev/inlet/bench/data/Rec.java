package dev.inlet.bench.data;

import java.math.BigDecimal;

/**
 * The typed form of a {@link Records} record, as a user would declare it (money as
 * {@link BigDecimal}).
 *
 * @param id the record id
 * @param n the sequence number
 * @param amount the amount
 * @param currency the currency code
 * @param status the status
 * @param created the creation epoch second
 * @param paid whether it was paid
 * @param customer the customer id
 * @param description free text
 */
public record Rec(String id, long n, BigDecimal amount, String currency, String status, long created, boolean paid,
        String customer, String description) {
}
