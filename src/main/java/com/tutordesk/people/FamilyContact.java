package com.tutordesk.people;

/**
 * The signed-in family's own contact details, as the portal's "Your details" shows them (issue 18).
 *
 * @param clientId     the family's client
 * @param clientName   the account's name, e.g. "Chen family" (staff keep it)
 * @param contactName  the billing contact's name
 * @param contactEmail the billing email, which is also the portal sign-in email
 * @param phone        the billing contact's phone, or {@code null}
 * @param address      the postal (billing) address, or {@code null}
 * @param version      the client's version, for a correction that must not overwrite a staff edit
 */
public record FamilyContact(long clientId, String clientName, String contactName, String contactEmail,
        String phone, String address, long version) {
}
