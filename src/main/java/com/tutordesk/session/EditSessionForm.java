package com.tutordesk.session;

import java.time.LocalDate;
import java.time.LocalTime;

/**
 * A session as the Edit Session dialog starts from, read when the dialog opens.
 *
 * @param sessionId       the session
 * @param version         its version now (sent back as {@link EditSessionRequest#seenVersion()})
 * @param tutor           its tutor
 * @param engagement      its engagement (possibly inactive by now: still offered)
 * @param date            business-local date of the start
 * @param startTime       business-local start time
 * @param durationMinutes duration in minutes
 * @param location        location or {@code null}
 * @param cancelled       cancelled in time
 * @param lateCancelled   late-cancelled (the cancelled box does not apply; undo first)
 * @param billingLock     why only the location may change (the session is invoiced or paid: "it is on
 *                        invoice INV-… — cancel invoice INV-… first"), or {@code null} when everything may
 */
public record EditSessionForm(long sessionId, long version, FilterChoice tutor, EngagementOption engagement,
        LocalDate date, LocalTime startTime, int durationMinutes, String location, boolean cancelled,
        boolean lateCancelled, String billingLock) {
}
