package com.tutordesk.people;

import com.tutordesk.security.CurrentUser;
import java.time.Clock;
import java.time.Instant;
import java.util.Objects;
import org.springframework.stereotype.Component;

/**
 * Writes a client's history (issue 18): compares the client's details before and after a change
 * and records one row per field that changed, in the caller's transaction, so the history holds
 * exactly the changes that were saved.
 */
@Component
class ClientChangeLog {

    /** The recorded details of a client at one moment. */
    record Snapshot(String name, String contactName, String contactEmail, String contactPhone, String address) {

        static Snapshot of(Client client) {
            return new Snapshot(client.getName(), client.getBillingContactName(), client.getBillingContactEmail(),
                    client.getBillingContactPhone(), client.getAddress());
        }

        String value(ClientField field) {
            return switch (field) {
                case NAME -> name;
                case CONTACT_NAME -> contactName;
                case CONTACT_EMAIL -> contactEmail;
                case CONTACT_PHONE -> contactPhone;
                case ADDRESS -> address;
            };
        }
    }

    private final ClientChangeRepository changes;
    private final Clock clock;

    ClientChangeLog(ClientChangeRepository changes, Clock clock) {
        this.changes = changes;
        this.clock = clock;
    }

    /** Records what a staff member changed (on the client page, or through an import). */
    void byStaff(long clientId, Snapshot before, Snapshot after, CurrentUser staff) {
        write(clientId, before, after, false, staff.userId(), staff.displayName());
    }

    /** Records what the family changed in the portal. */
    void byFamily(long clientId, Snapshot before, Snapshot after) {
        write(clientId, before, after, true, null, null);
    }

    private void write(long clientId, Snapshot before, Snapshot after, boolean byFamily, Long userId, String name) {
        Instant now = clock.instant();
        for (ClientField field : ClientField.values()) {
            String old = before.value(field);
            String updated = after.value(field);
            if (!Objects.equals(blankToNull(old), blankToNull(updated))) {
                changes.save(new ClientChange(clientId, now, field, blankToNull(old), blankToNull(updated), byFamily,
                        userId, name));
            }
        }
        changes.flush();
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
