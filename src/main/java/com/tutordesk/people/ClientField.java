package com.tutordesk.people;

/**
 * The details of a client whose changes the client's history records (issue 18): the account's name
 * and the billing contact's name, email, phone and postal address. Stored by name in
 * {@code client_changes.field}.
 */
public enum ClientField {
    NAME("Client name"),
    CONTACT_NAME("Billing contact name"),
    CONTACT_EMAIL("Billing contact email"),
    CONTACT_PHONE("Phone"),
    ADDRESS("Address");

    private final String label;

    ClientField(String label) {
        this.label = label;
    }

    /** @return what people call the field, e.g. "Billing contact email" */
    public String label() {
        return label;
    }
}
