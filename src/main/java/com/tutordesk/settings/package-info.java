/**
 * Business settings: the one business this installation runs, with its name, IANA time zone,
 * currency, locale (12- or 24-hour time, date and number formats), late-cancellation policy and
 * the tutors' Enhanced Access default. Every time and amount shown anywhere is formatted through
 * {@link com.tutordesk.settings.BusinessProfile}.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"security", "shared"})
package com.tutordesk.settings;
