package dev.inlet.webhooks.verify;

import dev.inlet.webhooks.Fixtures;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.function.Supplier;

/** One scheme with a way to make secrets, and the names of its signature and timestamp headers. */
record SchemeCase(String label, SignatureScheme scheme, Supplier<String> secrets, String signatureHeader,
        String timestampHeader) {

    @Override
    public String toString() {
        return label;
    }

    boolean signsTimestamp() {
        return timestampHeader != null;
    }

    static final CustomHmac CUSTOM = CustomHmac.builder("X-Acme-Signature")
            .name("acme")
            .algorithm(HmacAlgorithm.SHA512)
            .signatureEncoding(ByteEncoding.BASE64)
            .signaturePrefix("sig=")
            .secretEncoding(ByteEncoding.BASE64)
            .secretPrefix("acme_")
            .timestampHeader("X-Acme-Time", ChronoUnit.MILLIS)
            .signedContent(SignedPart.method(), SignedPart.literal(" "), SignedPart.url(), SignedPart.literal("\n"),
                    SignedPart.timestamp(), SignedPart.literal("\n"), SignedPart.header("webhook-id"),
                    SignedPart.literal("\n"), SignedPart.body())
            .eventIdHeader("webhook-id")
            .build();

    static List<SchemeCase> all() {
        return List.of(
                new SchemeCase("standard-v1", SignatureScheme.standardWebhooks(), () -> Fixtures.whsec(32),
                        "webhook-signature", "webhook-timestamp"),
                new SchemeCase("standard-v1a", SignatureScheme.standardWebhooks(), Fixtures::whsk,
                        "webhook-signature", "webhook-timestamp"),
                new SchemeCase("stripe", SignatureScheme.stripe(), () -> "whsec_" + random(), "Stripe-Signature", null),
                new SchemeCase("github", SignatureScheme.github(), SchemeCase::random, "X-Hub-Signature-256", null),
                new SchemeCase("shopify", SignatureScheme.shopify(), SchemeCase::random, "X-Shopify-Hmac-Sha256", null),
                new SchemeCase("hubspot-v3", SignatureScheme.hubSpotV3(), SchemeCase::random, "X-HubSpot-Signature-v3",
                        "X-HubSpot-Request-Timestamp"),
                new SchemeCase("slack", SignatureScheme.slack(), SchemeCase::random, "X-Slack-Signature",
                        "X-Slack-Request-Timestamp"),
                new SchemeCase("custom", SignatureScheme.customHmac(CUSTOM),
                        () -> "acme_" + Fixtures.whsec(40).substring(6), "X-Acme-Signature", "X-Acme-Time"));
    }

    /** Stripe's timestamp lives inside its signature header. */
    boolean timestampInSignatureHeader() {
        return scheme == SignatureScheme.stripe();
    }

    static String random() {
        return java.util.UUID.randomUUID().toString();
    }
}
