package com.tutordesk.engagement;

import java.time.Instant;

/**
 * One entry of an engagement's rate history. Rates are minor units per hour; client rates are
 * {@code null} for viewers who may not see them.
 *
 * @param id                 entry id
 * @param changedAt          when (UTC)
 * @param changedBy          who, by name as it was then
 * @param oldClientRateMinor previous client rate, {@code null} for the creation entry (or hidden)
 * @param newClientRateMinor new client rate ({@code null} when hidden)
 * @param oldTutorWageMinor  previous tutor wage, {@code null} for the creation entry
 * @param newTutorWageMinor  new tutor wage
 * @param currency           ISO 4217 code
 * @param appliedToSessions  unbilled sessions re-priced with the new rates
 */
public record RateChange(long id, Instant changedAt, String changedBy, Long oldClientRateMinor,
        Long newClientRateMinor, Long oldTutorWageMinor, long newTutorWageMinor, String currency,
        int appliedToSessions) {

    /** @return whether this entry records the engagement's creation */
    public boolean isCreation() {
        return oldTutorWageMinor == null;
    }
}
