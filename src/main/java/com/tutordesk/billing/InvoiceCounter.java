package com.tutordesk.billing;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** The business's invoice-number counter (one row, locked by the issuing transaction). */
@Entity
@Table(name = "invoice_counters")
class InvoiceCounter {

    static final long SINGLETON_ID = 1;

    @Id
    private Long id;

    @Column(name = "last_number", nullable = false)
    private long lastNumber;

    protected InvoiceCounter() {
    }

    /** @return the next number, now taken */
    long next() {
        lastNumber = Math.addExact(lastNumber, 1);
        return lastNumber;
    }
}
