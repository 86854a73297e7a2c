package com.tutordesk.prepaid;

/**
 * A client's package as the client portal shows it (issue 17; domain.md "Client portal": "package
 * balances"): no prices of sessions, no tutor pay, no internal notes.
 *
 * @param engagementLabel e.g. "Algebra II with Ines Oliveira"
 * @param studentName     the student the hours are for
 * @param subjectName     the subject
 * @param minutesBought   minutes bought
 * @param minutesUsed     minutes used
 * @param minutesLeft     minutes still available
 * @param state           awaiting payment, active, used up or refunded
 */
public record PackageBalance(String engagementLabel, String studentName, String subjectName, int minutesBought,
        int minutesUsed, int minutesLeft, PackageState state) {
}
