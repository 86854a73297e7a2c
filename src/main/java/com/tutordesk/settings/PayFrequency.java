package com.tutordesk.settings;

/**
 * How often tutors are paid (domain.md "Payroll": weekly, every two weeks, twice a month or monthly,
 * in business-local dates from an anchor date). The periods themselves are computed by the payroll
 * module from a {@link PaySchedule}.
 */
public enum PayFrequency {
    /** Seven days from the anchor, repeating. */
    WEEKLY("Weekly"),
    /** Fourteen days from the anchor, repeating. */
    EVERY_TWO_WEEKS("Every two weeks"),
    /** 1st–15th and 16th–end of every month; the anchor is the 1st or the 16th. */
    TWICE_A_MONTH("Twice a month (1st–15th, 16th–end)"),
    /** From the anchor's day of the month to the day before it in the next month. */
    MONTHLY("Monthly");

    private final String label;

    PayFrequency(String label) {
        this.label = label;
    }

    /** @return the name people read, e.g. "Every two weeks" */
    public String label() {
        return label;
    }
}
