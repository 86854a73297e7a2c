/**
 * People of the business: tutors (with the subjects they teach and their Enhanced Access setting),
 * clients (the paying accounts, with a billing contact: a parent/guardian or the adult student),
 * students (each belonging to one client) and subjects. Rules: domain.md "People".
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"security", "settings", "shared"})
package com.tutordesk.people;
