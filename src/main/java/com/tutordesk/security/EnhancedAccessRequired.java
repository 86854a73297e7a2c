package com.tutordesk.security;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a view that tutors may open only with Enhanced Access (admins always may). Put it beside
 * {@code @RolesAllowed({"ADMIN", "TUTOR"})}, which cannot express Enhanced Access: the navigation
 * gate answers "not found" to a tutor without it, and the side menu hides the entry. The view's
 * services check the same rule again (domain.md "Roles").
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface EnhancedAccessRequired {
}
