package com.tutordesk.people;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * One changed field of a client's details, with who changed it: a staff member (their name as it was
 * then) or the family in the portal. Written once, never changed; goes with the client when it is
 * deleted.
 */
@Entity
@Table(name = "client_changes")
class ClientChange {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "client_id", nullable = false)
    private long clientId;

    @Column(name = "changed_at", nullable = false)
    private Instant changedAt;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    private ClientField field;

    @Column(name = "old_value", length = Client.ADDRESS_MAX_LENGTH)
    private String oldValue;

    @Column(name = "new_value", length = Client.ADDRESS_MAX_LENGTH)
    private String newValue;

    @Column(name = "by_family", nullable = false)
    private boolean byFamily;

    @Column(name = "by_user_id")
    private Long byUserId;

    @Column(name = "by_name", length = Client.NAME_MAX_LENGTH)
    private String byName;

    protected ClientChange() {
    }

    ClientChange(long clientId, Instant changedAt, ClientField field, String oldValue, String newValue,
            boolean byFamily, Long byUserId, String byName) {
        this.clientId = clientId;
        this.changedAt = changedAt;
        this.field = field;
        this.oldValue = oldValue;
        this.newValue = newValue;
        this.byFamily = byFamily;
        this.byUserId = byUserId;
        this.byName = byName;
    }
}
