package com.tutordesk.session;

/**
 * Whether and how a session is cancelled when it is logged or edited (domain.md "Status"; issue 12:
 * Log Session offers a no-show directly, and cancelling inside the late-cancellation window asks
 * for the policy or an explicit waiver).
 */
public enum Cancellation {
    /** Not cancelled: scheduled or completed by its start. */
    NONE("Not cancelled"),
    /** Cancelled in time: both amounts 0 (CANCELLED). Refused by Edit Session inside the late-cancellation window. */
    IN_TIME("Cancelled in time"),
    /** Cancelled inside the late-cancellation window with the fee waived on purpose: both amounts 0 (CANCELLED). */
    FEE_WAIVED("Cancelled late, fee waived"),
    /** Late cancellation or no-show: amounts by the business's late-cancellation policy (LATE_CANCELLED). */
    LATE("Late cancellation (no-show)");

    private final String label;

    Cancellation(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** @return whether the session ends up CANCELLED (nothing charged or paid) */
    public boolean free() {
        return this == IN_TIME || this == FEE_WAIVED;
    }
}
