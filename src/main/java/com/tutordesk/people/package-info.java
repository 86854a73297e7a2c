/**
 * People of the business: tutors (with the subjects they teach and their Enhanced Access setting),
 * clients (the paying accounts, with a billing contact: a parent/guardian or the adult student),
 * students (each belonging to one client) and subjects, and each client's history of changes to its
 * details (by staff, or by the family in the portal). Rules: domain.md "People", "Client portal".
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"security", "settings", "shared"})
package com.tutordesk.people;
