package com.tutordesk.people;

/**
 * A client as an invoice is addressed (domain.md "Client": the billing contact is the parent or
 * guardian, or the adult student).
 *
 * @param clientId       client id
 * @param clientName     the client (often a family)
 * @param contactName    billing contact
 * @param contactEmail   billing contact email: invoices, receipts and reminders go there
 * @param address        postal address, or {@code null}
 * @param addedByTutorId the Enhanced-Access tutor who added the client (their "own client"), or {@code null}
 */
public record BillTo(long clientId, String clientName, String contactName, String contactEmail, String address,
        Long addedByTutorId) {

    /** @return how pickers and lists name the client ({@link ClientLabel}) */
    public String label() {
        return ClientLabel.of(clientName, contactName, contactEmail);
    }
}
