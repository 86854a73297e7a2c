/**
 * Security: logins (user accounts with role ADMIN or TUTOR), sign-in with throttling of repeated
 * failures, and {@link com.tutordesk.security.CurrentUserService}, the one place services ask
 * "who is calling and what may they see" (domain.md "Roles"). Enhanced Access is a property of the
 * tutor; this module asks for it through {@link com.tutordesk.security.EnhancedAccessLookup}, which
 * the people module implements, so that security depends on no feature module.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"shared"})
package com.tutordesk.security;
