package com.tutordesk.people;

/**
 * What identifies a client when records from elsewhere are matched against the existing ones
 * (import from spreadsheets, issue 19): the billing contact email, or the client's name together
 * with the billing contact's name.
 *
 * @param id           client id
 * @param name         account name
 * @param contactName  billing contact name
 * @param contactEmail billing contact email (stored lower-case)
 */
public record ClientKey(long id, String name, String contactName, String contactEmail) {
}
