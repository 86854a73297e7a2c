/**
 * Import from spreadsheets (issue 19): an office moving onto Tutordesk uploads CSV or XLSX files of
 * its tutors, subjects, clients (billing contact and students) and engagements. Columns are mapped
 * to fields (guessed from the headers, editable), then a dry run lists row by row what will be
 * created, what matches an existing record and every error with its row and column. Records are
 * created and updated only through the owning modules' services, so that the same validation and
 * permission checks apply as for the forms; one file is imported in one transaction (all or
 * nothing), and the dry run is the same work rolled back. Admins only.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"engagement", "people", "security", "session",
        "settings", "shared"})
package com.tutordesk.importing;
