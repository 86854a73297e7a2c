package com.tutordesk.people;

import java.time.Instant;

/**
 * A client's page.
 *
 * @param id             client id
 * @param form           the editable fields
 * @param active         active flag
 * @param addedByTutorId the Enhanced-Access tutor who added the client, or {@code null} (the office)
 * @param createdAt      when the client was added (UTC)
 * @param version        for optimistic locking of the form
 */
public record ClientDetails(long id, ClientForm form, boolean active, Long addedByTutorId, Instant createdAt,
        long version) {

    public String name() {
        return form.name();
    }
}
