package com.tutordesk.session;

/** Where a session's report to the parent stands, as the sessions list shows it. */
public enum ReportState {
    /** No report written. */
    NONE("None"),
    /** Written, not sent to the billing contact yet. */
    WRITTEN("Written"),
    /** Emailed to the billing contact at least once. */
    SENT("Sent");

    private final String label;

    ReportState(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
