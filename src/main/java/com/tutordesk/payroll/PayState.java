package com.tutordesk.payroll;

/** Where one tutor's pay for one period stands (domain.md "Payroll"). */
public enum PayState {
    /** Not approved: sessions and adjustments may still change it. */
    OPEN("Open"),
    /** Approved: its sessions' tutor earnings are locked; it may be reopened until it is paid. */
    APPROVED("Approved"),
    /** Paid (date, method, reference recorded): final. */
    PAID("Paid");

    private final String label;

    PayState(String label) {
        this.label = label;
    }

    /** @return the name people read, e.g. "Approved" */
    public String label() {
        return label;
    }
}
