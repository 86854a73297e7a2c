/**
 * Security: logins (user accounts with role ADMIN, TUTOR or CLIENT — a family's portal login, made by
 * an invitation link, {@link com.tutordesk.security.ClientLoginService}), sign-in with growing pauses after
 * failures (per email, per known browser, per client address), and
 * {@link com.tutordesk.security.CurrentUserService}, the one place services ask "who is calling and
 * what may they see" (domain.md "Roles"), which also ends sessions whose login changed. The HTTP side
 * (issue 12): CSRF on the sign-in form, security headers with a Content-Security-Policy, idle sessions
 * signed out ({@link com.tutordesk.security.SessionGuardFilter}). Enhanced Access is a property of the
 * tutor; this module asks for it through {@link com.tutordesk.security.EnhancedAccessLookup}, which
 * the people module implements, and sends account emails through
 * {@link com.tutordesk.security.AccountEmails}, which the mail module implements, so that security
 * depends on no feature module.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"shared"})
package com.tutordesk.security;
