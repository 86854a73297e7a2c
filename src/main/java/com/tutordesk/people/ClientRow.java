package com.tutordesk.people;

/**
 * A client in the Clients list.
 *
 * @param id           client id
 * @param name         account name
 * @param contactName  billing contact
 * @param contactEmail billing contact email
 * @param contactPhone phone, or {@code null}
 * @param studentPays  the student is the billing contact
 * @param autopay      autopay on
 * @param active       active flag
 * @param students     number of active students
 */
public record ClientRow(long id, String name, String contactName, String contactEmail, String contactPhone,
        boolean studentPays, boolean autopay, boolean active, long students) {
}
