package dev.inlet.bench.webhooks;

import java.nio.charset.StandardCharsets;

/**
 * Stripe-shaped {@code charge.succeeded} event payloads of about 1.6 KB, as Stripe sends them (the
 * structure of a real event, with benchmark values), each with its own event id.
 */
public final class StripeEvents {

    /** The webhook secret the benchmarks sign and verify with. */
    public static final String SECRET = "whsec_bench3cGkzW2U5bGx0ZVQxN0ZrS2Z6cE5ZUWtsRzlPVmk";

    private StripeEvents() {
    }

    /** Event number {@code n} as JSON text. */
    public static String json(long n) {
        String id = String.format("%014d", n);
        return "{\n  \"id\": \"evt_3PbenchA" + id + "\",\n  \"object\": \"event\",\n  \"api_version\": \"2024-06-20\",\n"
                + "  \"created\": 1718000000,\n  \"data\": {\n    \"object\": {\n      \"id\": \"ch_3PbenchA" + id + "\",\n"
                + "      \"object\": \"charge\",\n      \"amount\": 2000,\n      \"amount_captured\": 2000,\n"
                + "      \"amount_refunded\": 0,\n      \"application\": null,\n      \"application_fee\": null,\n"
                + "      \"balance_transaction\": \"txn_3PbenchA" + id + "\",\n      \"billing_details\": {\n"
                + "        \"address\": {\"city\": \"Berlin\", \"country\": \"DE\", \"line1\": \"Unter den Linden 1\", "
                + "\"line2\": null, \"postal_code\": \"10117\", \"state\": null},\n"
                + "        \"email\": \"jenny.rosen@example.com\",\n        \"name\": \"Jenny Rosen\",\n"
                + "        \"phone\": null\n      },\n      \"captured\": true,\n      \"created\": 1718000000,\n"
                + "      \"currency\": \"eur\",\n      \"customer\": \"cus_Pbench" + id + "\",\n"
                + "      \"description\": \"Subscription update\",\n      \"disputed\": false,\n"
                + "      \"livemode\": false,\n      \"metadata\": {\"order_id\": \"6735-" + id + "\"},\n"
                + "      \"outcome\": {\"network_status\": \"approved_by_network\", \"reason\": null, "
                + "\"risk_level\": \"normal\", \"risk_score\": 32, \"seller_message\": \"Payment complete.\", "
                + "\"type\": \"authorized\"},\n      \"paid\": true,\n"
                + "      \"payment_intent\": \"pi_3PbenchA" + id + "\",\n      \"payment_method\": \"pm_1Pbench" + id + "\",\n"
                + "      \"payment_method_details\": {\"card\": {\"brand\": \"visa\", \"country\": \"US\", "
                + "\"exp_month\": 8, \"exp_year\": 2026, \"fingerprint\": \"Xt5EWLLDS7FJjR1c\", \"funding\": \"credit\", "
                + "\"last4\": \"4242\", \"network\": \"visa\"}, \"type\": \"card\"},\n"
                + "      \"receipt_email\": null,\n      \"receipt_url\": \"https://pay.stripe.com/receipts/payment/"
                + "CAcaFwoVYWNjdF8xTTJKVGtMa2RJd0h1N2l4KJ" + id + "\",\n      \"refunded\": false,\n"
                + "      \"status\": \"succeeded\"\n    }\n  },\n  \"livemode\": false,\n  \"pending_webhooks\": 1,\n"
                + "  \"request\": {\"id\": \"req_bench" + id + "\", \"idempotency_key\": \"a1b2c3d4-" + id + "\"},\n"
                + "  \"type\": \"charge.succeeded\"\n}";
    }

    /** Event number {@code n} as UTF-8 bytes. */
    public static byte[] bytes(long n) {
        return json(n).getBytes(StandardCharsets.UTF_8);
    }
}
