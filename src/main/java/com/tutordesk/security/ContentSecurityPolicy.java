package com.tutordesk.security;

import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinServiceInitListener;
import com.vaadin.flow.server.VaadinServletRequest;
import com.vaadin.flow.server.communication.IndexHtmlResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jsoup.nodes.Element;
import org.springframework.security.web.header.HeaderWriter;
import org.springframework.stereotype.Component;

/**
 * The Content-Security-Policy every page is served with, and the nonce that lets Vaadin's own inline
 * bootstrap scripts run under it.
 *
 * <p>What Vaadin 25 (production bundle, Lumo) needs, found by running every page in Chromium under
 * a strict policy and relaxing only what was reported (issue 12): inline {@code <script>}s in the
 * bootstrap page (allowed by a per-response nonce, added to them here, so injected scripts stay
 * blocked); {@code 'unsafe-eval'} for the client engine, which runs server-sent JavaScript with
 * {@code new Function}; inline styles ({@code style} attributes and {@code <style>} elements the
 * components create at run time); {@code data:} images and fonts (Lumo's icons and icon font).
 * Everything else is this origin only; no plugins, no framing, forms post only here.
 */
@Component
class ContentSecurityPolicy implements HeaderWriter, VaadinServiceInitListener {

    static final String HEADER = "Content-Security-Policy";
    static final String POLICY = "default-src 'self'; script-src 'self' 'nonce-%s' 'unsafe-eval'; "
            + "style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self' data:; connect-src 'self'; "
            + "object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";
    private static final String NONCE_ATTRIBUTE = ContentSecurityPolicy.class.getName() + ".nonce";

    @Override
    public void writeHeaders(HttpServletRequest request, HttpServletResponse response) {
        response.setHeader(HEADER, POLICY.formatted(nonce(request)));
    }

    @Override
    public void serviceInit(ServiceInitEvent event) {
        event.addIndexHtmlRequestListener(this::addNonces);
    }

    private void addNonces(IndexHtmlResponse page) {
        if (!(page.getVaadinRequest() instanceof VaadinServletRequest request)) {
            return;
        }
        String nonce = nonce(request.getHttpServletRequest());
        for (Element script : page.getDocument().select("script:not([src])")) {
            script.attr("nonce", nonce);
        }
    }

    /** @return this request's nonce (made on first use; the header and the page read the same one) */
    private static String nonce(HttpServletRequest request) {
        if (request.getAttribute(NONCE_ATTRIBUTE) instanceof String nonce) {
            return nonce;
        }
        String nonce = Tokens.random(16);
        request.setAttribute(NONCE_ATTRIBUTE, nonce);
        return nonce;
    }
}
