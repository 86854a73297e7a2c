package com.tutordesk.security;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a view of the client portal: the only views a CLIENT login may open (every other address
 * answers "not found" to a family, domain.md "Client portal"), and, unless it is also
 * {@code @AnonymousAllowed} (the invitation page), a view staff get "not found" on. Put it beside
 * {@code @RolesAllowed("CLIENT")}; the navigation gate enforces both directions and the portal's
 * services check the role again.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface ClientAccessible {

    /** Route of the portal's home, where a family lands after signing in. */
    String PORTAL_HOME = "portal";
}
