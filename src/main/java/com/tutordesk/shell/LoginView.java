package com.tutordesk.shell;

import com.tutordesk.security.LoginPageHints;
import com.tutordesk.settings.SettingsService;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.login.LoginForm;
import com.vaadin.flow.component.login.LoginI18n;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.VaadinSession;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import com.vaadin.flow.spring.security.AuthenticationContext;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.web.WebAttributes;

/**
 * Sign-in page. A wrong password and an unknown email get the same message; a paused email gets
 * the pause message (which is the same whether or not the email has an account). The form posts to
 * {@code /login} with the page's CSRF token; a post without a valid one comes back with
 * {@code ?expired}.
 */
@Route(value = "login", autoLayout = false)
@PageTitle("Sign in · Tutordesk")
@AnonymousAllowed
public class LoginView extends Main implements BeforeEnterObserver {

    static final String BAD_CREDENTIALS = "Incorrect email or password. Check both and try again.";
    static final String EXPIRED = "This sign-in page had expired. Sign in again.";

    private final LoginForm form = new LoginForm();
    private final AuthenticationContext authentication;
    private final LoginI18n i18n = LoginI18n.createDefault();

    LoginView(SettingsService settings, ObjectProvider<LoginPageHints> hints, AuthenticationContext authentication) {
        this.authentication = authentication;
        addClassName("login-view");
        form.setAction("login");
        form.setForgotPasswordButtonVisible(false);
        i18n.getForm().setTitle("Sign in");
        i18n.getForm().setUsername("Email");
        i18n.getErrorMessage().setTitle("Could not sign in");
        i18n.getErrorMessage().setMessage(BAD_CREDENTIALS);
        form.setI18n(i18n);

        H1 title = new H1(settings.profile().name());
        Paragraph subtitle = new Paragraph("Tutordesk");
        subtitle.addClassName("login-subtitle");
        Div card = new Div(title, subtitle, form);
        card.addClassName("login-card");

        List<LoginPageHints.DemoLogin> demoLogins = hints.stream()
                .flatMap(h -> h.demoLogins().stream())
                .toList();
        if (!demoLogins.isEmpty()) {
            Div demo = new Div(new H2("Demo logins"));
            demo.addClassName("demo-logins");
            for (LoginPageHints.DemoLogin login : demoLogins) {
                Div line = new Div(new Span(login.role() + ": "), new Span(login.email()), new Span(" / "),
                        new Span(login.password()));
                line.addClassName("demo-login");
                demo.add(line);
            }
            card.add(demo);
        }
        add(card);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        if (authentication.isAuthenticated()) {
            event.forwardTo("");
            return;
        }
        var parameters = event.getLocation().getQueryParameters().getParameters();
        if (parameters.containsKey("expired")) {
            // The form was posted without a valid CSRF token: its session had ended (or another site posted it).
            i18n.getErrorMessage().setMessage(EXPIRED);
            form.setI18n(i18n);
            form.setError(true);
        } else if (parameters.containsKey("error")) {
            Object failure = VaadinSession.getCurrent().getSession()
                    .getAttribute(WebAttributes.AUTHENTICATION_EXCEPTION);
            i18n.getErrorMessage().setMessage(
                    failure instanceof LockedException locked ? locked.getMessage() : BAD_CREDENTIALS);
            form.setI18n(i18n);
            form.setError(true);
        }
    }
}
