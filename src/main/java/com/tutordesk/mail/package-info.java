/**
 * Outgoing email through a transactional outbox. A module that wants to send an email calls
 * {@link com.tutordesk.mail.MailOutbox#enqueue} inside its own transaction, so the message exists iff
 * the business change committed; a background job ({@link com.tutordesk.mail.OutboxDelivery}, on
 * db-scheduler) delivers due messages through Spring's {@code JavaMailSender}, retries with
 * exponential back-off when the mail server is unreachable, gives up after a set number of attempts
 * (an admin may retry), and holds every message while no mail server is configured
 * ({@code spring.mail.host}). Each message names the record it is about (a
 * {@link com.tutordesk.mail.MailReference}, e.g. session report of session 123), so other modules can
 * show "sent to … at …". HTML bodies are built with {@link com.tutordesk.mail.HtmlEmail}, which
 * escapes every text it is given. Admins see and retry messages on the "Email outbox" page.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {
        "scheduling", "security", "settings", "shared"})
package com.tutordesk.mail;
