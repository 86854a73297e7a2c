package com.tutordesk.prepaid;

import java.util.Set;

/**
 * Published inside the transaction in which sessions took minutes from packages; handled after it
 * commits (the low-balance email).
 *
 * @param engagementId the engagement
 * @param packageIds   the packages minutes were taken from
 */
record PackageMinutesUsed(long engagementId, Set<Long> packageIds) {
}
