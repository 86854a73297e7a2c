/**
 * The application shell: the main layout with its side menu (built from the views' menu entries),
 * the sign-in page, the not-found and error pages, and the one global error handler that logs a
 * failure under an error id and shows the person a plain message with that id. The shell knows no
 * feature: views register themselves with {@code @Route} and {@code @Menu}.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"security", "settings", "shared"})
package com.tutordesk.shell;
