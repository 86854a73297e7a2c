/**
 * Cluster-safe background jobs on db-scheduler: its {@code scheduled_tasks} table (Flyway), one
 * {@link com.github.kagkarlsson.scheduler.Scheduler} built from every
 * {@link com.github.kagkarlsson.scheduler.task.Task} bean of the application, reading "now" from the
 * application's {@link java.time.Clock}. A recurring task runs on one node at a time; a one-time task
 * scheduled through {@link com.github.kagkarlsson.scheduler.SchedulerClient} inside a transaction
 * exists iff that transaction commits. {@link com.tutordesk.scheduling.BackgroundJobs} is the
 * module's API (run due jobs now, nudge a recurring job). With {@code tutordesk.scheduling.enabled=false}
 * no scheduler thread runs and due jobs run only when asked, synchronously.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"shared"})
package com.tutordesk.scheduling;
