package com.tutordesk.people;

/**
 * A client as the card-payments module needs it.
 *
 * @param id                    client id
 * @param name                  client name
 * @param contactName           billing contact
 * @param contactEmail          billing contact email (card links, receipts and pay links go there)
 * @param addedByTutorId        the Enhanced-Access tutor who added the client, or {@code null}
 * @param active                active flag
 * @param autopay               automatic payments on
 * @param stripeCustomerId      Stripe customer ("cus_…"), or {@code null}
 * @param stripePaymentMethodId saved payment method ("pm_…"), or {@code null}
 * @param card                  the card on file, or {@code null}
 */
public record ClientPayer(long id, String name, String contactName, String contactEmail, Long addedByTutorId,
        boolean active, boolean autopay, String stripeCustomerId, String stripePaymentMethodId, CardOnFile card) {

    /** @return whether automatic payments can charge: autopay on and a card on file */
    public boolean chargesAutomatically() {
        return autopay && card != null && stripePaymentMethodId != null;
    }
}
