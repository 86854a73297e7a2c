package com.tutordesk.payment;

import java.net.URI;

/**
 * Where a link in a client's email takes them (Pay now, saving a card): to a hosted Stripe page, or
 * to a short page of text saying why not or what happens next.
 *
 * @param redirect the Stripe page, or {@code null}
 * @param message  the text, or {@code null} when redirecting
 */
public record PayPage(URI redirect, String message) {

    static PayPage to(String url) {
        return new PayPage(URI.create(url), null);
    }

    static PayPage say(String message) {
        return new PayPage(null, message);
    }
}
