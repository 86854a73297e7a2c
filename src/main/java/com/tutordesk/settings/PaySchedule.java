package com.tutordesk.settings;

import java.time.LocalDate;

/**
 * The business's pay period setting (domain.md "Payroll"), stored with the business settings.
 *
 * @param frequency how often tutors are paid
 * @param anchor    a business-local date on which a pay period starts; periods repeat forwards and
 *                  backwards from it. For {@link PayFrequency#TWICE_A_MONTH} it must be the 1st or
 *                  the 16th; for {@link PayFrequency#MONTHLY} its day of the month is the day every
 *                  period starts on (the last day of shorter months when that day does not exist).
 */
public record PaySchedule(PayFrequency frequency, LocalDate anchor) {

    /**
     * @throws com.tutordesk.shared.InvalidFieldException naming {@code payFrequency} or
     *         {@code payAnchor} when a value is missing or the anchor does not fit the frequency
     */
    public PaySchedule {
        if (frequency == null) {
            throw new com.tutordesk.shared.InvalidFieldException("payFrequency", "Pay period is required");
        }
        if (anchor == null) {
            throw new com.tutordesk.shared.InvalidFieldException("payAnchor", "Pay period anchor date is required");
        }
        if (frequency == PayFrequency.TWICE_A_MONTH && anchor.getDayOfMonth() != 1 && anchor.getDayOfMonth() != 16) {
            throw new com.tutordesk.shared.InvalidFieldException("payAnchor", "Twice-a-month periods start on the"
                    + " 1st and the 16th: choose a 1st or a 16th as the anchor date");
        }
    }
}
