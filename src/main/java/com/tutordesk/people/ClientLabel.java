package com.tutordesk.people;

/**
 * How a client is named in pickers and lists where two families may share a name ("García family"):
 * the name with the billing contact, or with the contact's email when the client pays for themself
 * (issue 12: two clients with the same name could not be told apart).
 */
public final class ClientLabel {

    private ClientLabel() {
    }

    /**
     * @param name         the client's name
     * @param contactName  the billing contact (parent, guardian, or the adult student), or {@code null}
     * @param contactEmail the billing contact's email, or {@code null}
     * @return e.g. "García family · Maria García", or "Grace Park · grace@example.org" when the contact is
     *         the client; the name alone when neither is known
     */
    public static String of(String name, String contactName, String contactEmail) {
        String contact = contactName == null ? "" : contactName.strip();
        if (!contact.isEmpty() && !contact.equalsIgnoreCase(name == null ? "" : name.strip())) {
            return name + " · " + contact;
        }
        return contactEmail == null || contactEmail.isBlank() ? name : name + " · " + contactEmail.strip();
    }
}
