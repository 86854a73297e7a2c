/**
 * The demo business: a deterministic generator (from a seed and today's date) of a believable
 * tutoring business — tutors, families and adult students, subjects, engagements and months of
 * sessions — loaded only into an empty database, at a configurable size up to millions of sessions
 * for benchmarks (batched inserts, after which the session module's hour totals are counted once). In the default profile it also prints and shows the demo logins.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"payroll", "security", "session", "settings", "shared"})
package com.tutordesk.demo;
