/**
 * Client portal (issue 18, domain.md "Client portal"): a family's billing contact signs in with a
 * CLIENT login and sees only their own family — upcoming and past sessions with the reports that were
 * sent, invoices with PDF and Pay now, payments. Staff invite the contact from the client page
 * ({@link com.tutordesk.portal.PortalInvitationService}, a section the directory's client page shows);
 * the invitation's one-time link opens the set-password page. The family's reads come from the
 * session and billing modules' family services, which scope every query to the signed-in client;
 * the family's calendar feed is the schedule module's, scoped to the family's sessions. "Your
 * details" corrects the billing contact through the people module's
 * {@link com.tutordesk.people.FamilyContactService}; a new email waits for a one-time link sent to it
 * ({@link com.tutordesk.portal.PortalEmailChangeService}).
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {
        "billing", "directory", "mail", "payment", "people", "prepaid", "schedule", "schedule::ui", "security", "session", "settings",
        "shared"})
package com.tutordesk.portal;
