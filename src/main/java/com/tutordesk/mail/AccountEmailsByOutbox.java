package com.tutordesk.mail;

import com.tutordesk.security.AccountEmails;
import com.tutordesk.settings.SettingsService;
import org.springframework.stereotype.Component;

/**
 * The security module's emails about a person's own login, sent through the outbox (reference type
 * {@value #REFERENCE}, id = the login), so that they are kept, retried and shown on the outbox page
 * like every other email.
 */
@Component
class AccountEmailsByOutbox implements AccountEmails {

    static final String REFERENCE = "SIGN_IN_EMAIL";

    private final MailOutbox outbox;
    private final OutboxDelivery delivery;
    private final SettingsService settings;

    AccountEmailsByOutbox(MailOutbox outbox, OutboxDelivery delivery, SettingsService settings) {
        this.outbox = outbox;
        this.delivery = delivery;
        this.settings = settings;
    }

    @Override
    public Delivery sendEmailChangeCode(long userId, String to, String displayName, String code, long validMinutes) {
        String business = settings.profile().name();
        return send(userId, to, "Confirm your new sign-in email",
                HtmlEmail.titled("Confirm your new sign-in email")
                        .paragraph("Hello " + displayName + ",")
                        .paragraph("You asked to sign in to " + business + " on Tutordesk with this address. To confirm,"
                                + " type this code on your My account page:")
                        .field("Code", code)
                        .paragraph("The code is valid for " + validMinutes + " minutes. If you did not ask for this,"
                                + " ignore this email: nothing changes without the code.")
                        .footer("Sent by " + business)
                        .build());
    }

    @Override
    public Delivery sendAddressAlreadyUsed(long userId, String to, String displayName) {
        String business = settings.profile().name();
        return send(userId, to, "Someone asked to use this address for sign-in",
                HtmlEmail.titled("This address already signs in")
                        .paragraph("Someone signed in to " + business + " on Tutordesk as " + displayName + " asked to"
                                + " use this address as their sign-in email.")
                        .paragraph("This address already signs in to a login, so nothing was changed. If you asked"
                                + " for this, sign in with this address instead, or choose another address. If you"
                                + " did not, ignore this email.")
                        .footer("Sent by " + business)
                        .build());
    }

    @Override
    public void sendEmailChanged(long userId, String oldAddress, String displayName, String newAddress) {
        String business = settings.profile().name();
        send(userId, oldAddress, "Your sign-in email was changed",
                HtmlEmail.titled("Your sign-in email was changed")
                        .paragraph("Hello " + displayName + ",")
                        .paragraph("Your login at " + business + " on Tutordesk now signs in with " + newAddress
                                + " instead of this address.")
                        .paragraph("If you did not make this change, tell the office at once.")
                        .footer("Sent by " + business)
                        .build());
    }

    private Delivery send(long userId, String to, String subject, EmailBody body) {
        outbox.enqueue(OutgoingEmail.of(new MailReference(REFERENCE, userId), to, subject, body));
        return delivery.mailServerConfigured() ? Delivery.QUEUED : Delivery.HELD;
    }
}
