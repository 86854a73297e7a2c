package com.tutordesk.people;

/**
 * What the client form edits (domain.md "Client").
 *
 * @param name         the account's name, e.g. "Chen family"; required
 * @param contactName  billing contact: the parent/guardian, or the student when {@code studentPays}
 * @param contactEmail billing contact email (invoices and session reports go there); required
 * @param contactPhone optional, lenient phone format
 * @param studentPays  the (adult) student is their own billing contact
 * @param address      optional postal address
 * @param autopay      charge the saved card automatically; can be switched on only with a card on file
 *                     ({@link ClientCards}, issue 8), so forms pass the stored value back unchanged
 */
public record ClientForm(String name, String contactName, String contactEmail, String contactPhone,
        boolean studentPays, String address, boolean autopay) {
}
