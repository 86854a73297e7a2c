package com.tutordesk.session;

/**
 * Something the sessions list can be filtered by (a tutor, client, student or subject).
 *
 * @param id   its id
 * @param name what to show
 */
public record FilterChoice(long id, String name) {
}
