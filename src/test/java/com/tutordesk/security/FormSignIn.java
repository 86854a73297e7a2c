package com.tutordesk.security;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import com.vaadin.flow.server.VaadinSession;
import jakarta.servlet.http.Cookie;
import java.util.concurrent.ThreadLocalRandom;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.mock.web.MockRequestDispatcher;
import org.springframework.mock.web.MockServletContext;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.test.context.TestSecurityContextHolder;
import org.springframework.security.web.WebAttributes;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

/**
 * Requests through the app's real security filters (MockMvc on the shared test context): the sign-in
 * form's {@code POST /login} and later requests of the session it made. Vaadin's servlet does not
 * run here; a signed-in request to a view is forwarded to it, a signed-out one redirected to
 * {@code /login}.
 */
final class FormSignIn {

    private static final String VAADIN_SERVLET = "springServlet";
    private final MockMvc mvc;

    FormSignIn(WebApplicationContext context) {
        this.mvc = MockMvcBuilders.webAppContextSetup(context).apply(springSecurity()).build();
        // Vaadin's Spring integration forwards view requests to its servlet by name; the mock servlet
        // context only records the forward.
        ((MockServletContext) context.getServletContext()).registerNamedDispatcher(VAADIN_SERVLET,
                new MockRequestDispatcher("/" + VAADIN_SERVLET));
    }

    /** @return a client address of its own for one test, so that address limits never mix between tests */
    static String newAddress() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        return "10." + random.nextInt(1, 255) + "." + random.nextInt(1, 255) + "." + random.nextInt(1, 255);
    }

    /** Posts the sign-in form with a valid CSRF token, in a fresh session. */
    MvcResult signIn(String email, String password, String address, Cookie... cookies) throws Exception {
        return perform(form(email, password, address, cookies).with(csrf()));
    }

    MockHttpServletRequestBuilder form(String email, String password, String address, Cookie... cookies) {
        MockHttpServletRequestBuilder request = post("/login").param("username", email).param("password", password)
                .session(new MockHttpSession())
                .with(r -> {
                    r.setRemoteAddr(address);
                    return r;
                });
        return cookies.length == 0 ? request : request.cookie(cookies);
    }

    MvcResult perform(MockHttpServletRequestBuilder request) throws Exception {
        // As on a fresh server thread: nobody signed in and no Vaadin session current. Other tests on
        // this thread leave both behind, and MockMvc's test security context (which starts from the
        // thread's) or Vaadin's context strategy (which reads the current Vaadin session) would put
        // their user in place of the one of the request's HTTP session.
        VaadinSession.setCurrent(null);
        SecurityContextHolder.clearContext();
        TestSecurityContextHolder.clearContext();
        return mvc.perform(request).andReturn();
    }

    /** GET of a path in a session (a page load: a user action). */
    MvcResult page(String path, MockHttpSession session) throws Exception {
        return perform(get(path).session(session));
    }

    /** A Vaadin heartbeat of an open tab (no user action). */
    MvcResult heartbeat(MockHttpSession session) throws Exception {
        return perform(post("/").param("v-r", "heartbeat").param("v-uiId", "0").session(session));
    }

    static MockHttpSession session(MvcResult result) {
        return (MockHttpSession) result.getRequest().getSession(false);
    }

    /** @return whether the sign-in succeeded (its session holds a signed-in security context) */
    static boolean signedIn(MvcResult result) {
        MockHttpSession session = session(result);
        return session != null && !session.isInvalid()
                && session.getAttribute(HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY)
                        instanceof SecurityContext context
                && context.getAuthentication() != null && context.getAuthentication().isAuthenticated();
    }

    /** @return the message the sign-in page shows after a failed sign-in */
    static String failure(MvcResult result) {
        return result.getRequest().getSession(false).getAttribute(WebAttributes.AUTHENTICATION_EXCEPTION)
                instanceof Exception e ? e.getMessage() : null;
    }

    /** @return whether a page request of this session was let through to the app (not sent to sign in) */
    static boolean reachedTheApp(MvcResult result) {
        return ("/" + VAADIN_SERVLET).equals(result.getResponse().getForwardedUrl());
    }

    static boolean sentToSignIn(MvcResult result) {
        return "/login".equals(result.getResponse().getRedirectedUrl());
    }
}
