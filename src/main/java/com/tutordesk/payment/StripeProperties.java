package com.tutordesk.payment;

import java.net.URI;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Card-payment settings ({@code tutordesk.stripe.*}; README "Card payments"). Card payments are on
 * when both the secret key and the webhook secret are set. {@link #toString()} never shows a secret.
 *
 * @param secretKey        Stripe secret API key ({@code STRIPE_SECRET_KEY}), or blank
 * @param webhookSecret    signing secret of the webhook endpoint ({@code STRIPE_WEBHOOK_SECRET}), or blank
 * @param apiBase          Stripe API base URL without {@code /v1}; blank for Stripe itself (tests point it
 *                         at a local fake)
 * @param publicUrl        the app's address as clients reach it, for pay and card links in emails and the
 *                         pages Stripe returns to ({@code TUTORDESK_PUBLIC_URL})
 * @param webhookTolerance how old a webhook's signed timestamp may be
 * @param connectTimeout   connect timeout of Stripe calls
 * @param readTimeout      read timeout of Stripe calls; a charge without an answer by then stays in
 *                         flight and is sent again with the same idempotency key
 * @param checkoutExpiry   how long a hosted Checkout page stays open (Stripe allows 30 minutes to 24 hours)
 * @param staleAfter       how long a Stripe call may take before its attempt may be sent again
 */
@ConfigurationProperties("tutordesk.stripe")
public record StripeProperties(String secretKey, String webhookSecret, String apiBase,
        @DefaultValue("http://localhost:8080") String publicUrl,
        @DefaultValue("5m") Duration webhookTolerance,
        @DefaultValue("10s") Duration connectTimeout,
        @DefaultValue("30s") Duration readTimeout,
        @DefaultValue("1h") Duration checkoutExpiry,
        @DefaultValue("2m") Duration staleAfter) {

    public StripeProperties {
        secretKey = blankToNull(secretKey);
        webhookSecret = blankToNull(webhookSecret);
        apiBase = blankToNull(apiBase);
        publicUrl = publicUrl == null || publicUrl.isBlank() ? "http://localhost:8080" : publicUrl.strip();
        while (publicUrl.endsWith("/")) {
            publicUrl = publicUrl.substring(0, publicUrl.length() - 1);
        }
        URI.create(publicUrl);
        if (checkoutExpiry.compareTo(Duration.ofMinutes(30)) < 0 || checkoutExpiry.compareTo(Duration.ofHours(24)) > 0) {
            throw new IllegalArgumentException("tutordesk.stripe.checkout-expiry must be between 30 minutes and 24 hours");
        }
    }

    /** @return whether card payments are on (secret key and webhook secret set) */
    public boolean configured() {
        return secretKey != null && webhookSecret != null;
    }

    @Override
    public String toString() {
        return "StripeProperties[secretKey=" + (secretKey == null ? "unset" : "set") + ", webhookSecret="
                + (webhookSecret == null ? "unset" : "set") + ", apiBase=" + (apiBase == null ? "Stripe" : apiBase)
                + ", publicUrl=" + publicUrl + "]";
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
