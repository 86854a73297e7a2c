package com.tutordesk.payment;

import com.tutordesk.billing.InvoicePayLinks;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.stereotype.Component;

/**
 * The links emailed to clients: "Pay now" of an invoice and the card setup link. A link is the app's
 * own address ({@code /pay/…}) with the record id and an HMAC of it, so it never expires with a
 * Stripe page (hosted Checkout pages last at most 24 hours) and cannot be guessed for another id:
 * following it opens a fresh or still-open Checkout page for what is due at that moment. The HMAC key
 * is derived from the Stripe secret key, so rotating the key also retires the links sent before.
 */
@Component
class PaymentLinks implements InvoicePayLinks {

    static final String INVOICE = "invoice";
    static final String CARD = "card";

    private final StripeProperties properties;
    private final byte[] key;

    PaymentLinks(StripeProperties properties) {
        this.properties = properties;
        this.key = properties.configured() ? hmac(properties.secretKey().getBytes(StandardCharsets.UTF_8),
                "tutordesk payment links") : null;
    }

    @Override
    public Optional<URI> payLinkFor(long invoiceId) {
        return key == null ? Optional.empty() : Optional.of(link(INVOICE, invoiceId));
    }

    /** @return the card setup link of a client */
    URI cardSetupLink(long clientId) {
        if (key == null) {
            throw new CardPaymentsNotConfiguredException();
        }
        return link(CARD, clientId);
    }

    /** @return whether {@code token} is the one of this kind and id (compared in constant time) */
    boolean valid(String kind, long id, String token) {
        if (key == null || token == null) {
            return false;
        }
        return MessageDigest.isEqual(token(kind, id).getBytes(StandardCharsets.US_ASCII),
                token.getBytes(StandardCharsets.US_ASCII));
    }

    /** @return an absolute URL of a page of this app, e.g. "/pay/done" */
    String page(String path) {
        return properties.publicUrl() + path;
    }

    private URI link(String kind, long id) {
        return URI.create(properties.publicUrl() + "/pay/" + kind + "/" + id + "/" + token(kind, id));
    }

    private String token(String kind, long id) {
        byte[] mac = hmac(key, kind + ":" + id);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(mac).substring(0, 27);
    }

    private static byte[] hmac(byte[] key, String message) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(message.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }
}
