package com.tutordesk.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.APIResponse;
import com.microsoft.playwright.Request;
import com.microsoft.playwright.Response;
import com.microsoft.playwright.options.FormData;
import com.microsoft.playwright.options.RequestOptions;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The hardening of issue 12 against the packaged app in Tomcat and Chromium: every page works under
 * the Content-Security-Policy (not one violation), the sign-in form posts its CSRF token and a post
 * without one signs nobody in, cookies and HSTS follow the proxy's X-Forwarded-Proto, redirects never
 * name the request's Host, and the Stripe webhook refuses big bodies before reading them.
 */
class SecurityBrowserIT extends BrowserTest {

    private static final HttpClient HTTP = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    private HttpResponse<String> get(String path, String... headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(app.baseUrl + path));
        if (headers.length > 0) {
            request.headers(headers);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void every_page_works_under_the_content_security_policy() {
        List<String> violations = Collections.synchronizedList(new ArrayList<>());
        page.addInitScript("document.addEventListener('securitypolicyviolation', e => console.error("
                + "'CSP violation: ' + e.violatedDirective + ' ' + e.blockedURI))");
        page.onConsoleMessage(message -> {
            if (message.text().contains("Content Security Policy") || message.text().startsWith("CSP violation")) {
                violations.add(message.text());
            }
        });
        page.onPageError(error -> violations.add("page error: " + error));

        Response login = page.navigate(app.baseUrl + "/login");
        assertThat(login.headerValue("content-security-policy")).contains("script-src 'self' 'nonce-");
        signIn("admin@example.org", "demo-admin-pass");
        assertThat(page.getByText("Today and the next 7 days")).isVisible();

        page.navigate(app.baseUrl + "/sessions");
        page.locator("#log-session").click();
        assertThat(page.locator("#log-tutor")).isVisible();
        page.keyboard().press("Escape");
        for (String path : List.of("/payments", "/tutors", "/clients", "/outbox", "/logins", "/settings", "/account")) {
            page.navigate(app.baseUrl + path);
            assertThat(page.locator("vaadin-app-layout")).isVisible();
            assertThat(page.locator("h2").first()).isVisible();
        }
        page.navigate(app.baseUrl + "/payments");
        page.locator("vaadin-grid vaadin-grid-cell-content").filter(new com.microsoft.playwright.Locator.FilterOptions()
                .setHasText(Pattern.compile("INV-\\d+"))).first().click();
        page.waitForURL(Pattern.compile(".*/invoices/\\d+"));
        assertThat(page.getByText("Download PDF")).isVisible();

        assertThat(violations).isEmpty();
    }

    @Test
    void the_sign_in_form_posts_its_csrf_token_and_a_post_without_one_signs_nobody_in() {
        List<String> posts = Collections.synchronizedList(new ArrayList<>());
        page.onRequest((Request request) -> {
            if (request.method().equals("POST") && request.url().endsWith("/login")) {
                posts.add(request.postData());
            }
        });
        signIn("admin@example.org", "demo-admin-pass");
        assertThat(page.getByText("Today and the next 7 days")).isVisible();
        assertThat(posts).hasSize(1);
        assertThat(posts.getFirst()).containsPattern("(^|&)_csrf=[^&]{20,}");

        // What another site's hidden form would send: the right email and password, no token.
        APIResponse forged = context.request().post(app.baseUrl + "/login", RequestOptions.create()
                .setForm(FormData.create().set("username", "admin@example.org").set("password", "demo-admin-pass"))
                .setMaxRedirects(0));
        assertThat(forged.status()).isEqualTo(302);
        assertThat(forged.headers().get("location")).isEqualTo("/login?expired");
    }

    @Test
    void headers_and_cookies_follow_the_proxy_and_never_the_host_header() throws Exception {
        HttpResponse<String> plain = get("/login");
        assertThat(plain.headers().firstValue("Content-Security-Policy")).get().asString()
                .contains("frame-ancestors 'none'");
        assertThat(plain.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
        assertThat(plain.headers().firstValue("Referrer-Policy")).contains("same-origin");
        assertThat(plain.headers().firstValue("X-Frame-Options")).contains("DENY");
        assertThat(plain.headers().firstValue("Strict-Transport-Security")).isEmpty();
        // Two cookies: the session's and the node's for a sticky load balancer (NodeRouteCookie).
        String cookie = sessionCookie(plain);
        assertThat(cookie).contains("HttpOnly", "SameSite=Lax").doesNotContain("Secure");
        assertThat(plain.headers().allValues("Set-Cookie")).hasSize(2).allSatisfy(
                value -> assertThat(value).contains("HttpOnly", "SameSite=Lax").doesNotContain("Secure"));

        // The test talks to the app from 127.0.0.1, an address Tomcat trusts as a proxy.
        HttpResponse<String> viaHttpsProxy = get("/login", "X-Forwarded-Proto", "https");
        assertThat(viaHttpsProxy.headers().allValues("Set-Cookie")).hasSize(2).allSatisfy(
                value -> assertThat(value).contains("Secure", "SameSite=Lax"));
        assertThat(viaHttpsProxy.headers().firstValue("Strict-Transport-Security")).contains("max-age=31536000");

        String response = rawRequest("GET /sessions HTTP/1.1\r\nHost: evil.example\r\nConnection: close\r\n\r\n");
        assertThat(response).startsWith("HTTP/1.1 302");
        assertThat(response).containsPattern("(?im)^Location: /login\\r?$").doesNotContain("evil.example");
    }

    @Test
    void a_heartbeat_of_an_ended_session_gets_403_so_that_its_tab_reloads_onto_the_sign_in_page() throws Exception {
        HttpRequest heartbeat = HttpRequest.newBuilder(URI.create(app.baseUrl + "/?v-r=heartbeat&v-uiId=0"))
                .header("Cookie", "JSESSIONID=0123456789ABCDEF0123456789ABCDEF")
                .POST(HttpRequest.BodyPublishers.noBody()).build();
        // A redirect to /login instead would be followed by the heartbeat and taken for "still signed in".
        assertThat(HTTP.send(heartbeat, HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(403);
    }

    @Test
    void the_stripe_webhook_refuses_bodies_over_256_kb_with_or_without_a_length() throws Exception {
        byte[] big = ("{\"pad\": \"" + "x".repeat(300 * 1024) + "\"}").getBytes(StandardCharsets.UTF_8);
        HttpRequest withLength = HttpRequest.newBuilder(URI.create(app.baseUrl + "/stripe/webhook"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofByteArray(big)).build();
        assertThat(HTTP.send(withLength, HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(413);

        // A body published from a stream goes out chunked, with no Content-Length to refuse it by.
        HttpRequest chunked = HttpRequest.newBuilder(URI.create(app.baseUrl + "/stripe/webhook"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(big))).build();
        assertThat(HTTP.send(chunked, HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(413);

        HttpRequest small = HttpRequest.newBuilder(URI.create(app.baseUrl + "/stripe/webhook"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{}")).build();
        assertThat(HTTP.send(small, HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(400);
    }

    /** Sends a request as written (java.net.http refuses to set a Host header) and returns the response head. */
    private String rawRequest(String request) throws IOException {
        URI base = URI.create(app.baseUrl);
        try (Socket socket = new Socket(base.getHost(), base.getPort())) {
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            String response = new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
            int endOfHead = response.indexOf("\r\n\r\n");
            return endOfHead < 0 ? response : response.substring(0, endOfHead);
        }
    }

    private static String sessionCookie(HttpResponse<String> response) {
        return response.headers().allValues("Set-Cookie").stream().filter(value -> value.startsWith("JSESSIONID="))
                .findFirst().orElseThrow(() -> new AssertionError("no JSESSIONID cookie in "
                        + response.headers().allValues("Set-Cookie")));
    }
}
