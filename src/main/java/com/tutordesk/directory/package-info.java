/**
 * The directory of the business: the Tutors, Clients, Subjects and engagement pages, where the
 * office (and tutors with Enhanced Access, for their own clients) sets up everything the Log
 * Session dialog and billing need. It sits above the session module because these pages show
 * sessions and some of their actions change them: {@link com.tutordesk.directory.DirectoryService}
 * changes an engagement's rates and re-prices its unbilled sessions in one transaction, and
 * deactivates a tutor while cancelling the chosen upcoming sessions in one transaction.
 * Module order: session → engagement → people → (settings, security, shared); directory uses all.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {
        "engagement", "people", "security", "security::ui", "session", "settings", "shared"})
package com.tutordesk.directory;
