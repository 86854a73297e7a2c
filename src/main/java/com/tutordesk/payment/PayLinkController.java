package com.tutordesk.payment;

import com.tutordesk.mail.HtmlEmail;
import com.tutordesk.settings.SettingsService;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * The links in clients' emails ({@code GET /pay/…}, no login: clients have none; see
 * {@link PaymentSecurityConfiguration}). A link carries an HMAC of its id ({@link PaymentLinks}); a
 * valid one redirects to the hosted Stripe page (Pay now, or saving a card), anything else gets a
 * short page of text. Also the pages Stripe returns to afterwards.
 */
@RestController
class PayLinkController {

    private final PaymentLinks links;
    private final PayNowCheckouts checkouts;
    private final CardsOnFile cardsOnFile;
    private final SettingsService settings;

    PayLinkController(PaymentLinks links, PayNowCheckouts checkouts, CardsOnFile cardsOnFile, SettingsService settings) {
        this.links = links;
        this.checkouts = checkouts;
        this.cardsOnFile = cardsOnFile;
        this.settings = settings;
    }

    @GetMapping("/pay/invoice/{invoiceId:\\d{1,18}}/{token}")
    ResponseEntity<String> payInvoice(@PathVariable long invoiceId, @PathVariable String token) {
        if (!links.valid(PaymentLinks.INVOICE, invoiceId, token)) {
            return page(HttpStatus.NOT_FOUND, "This payment link is not valid.");
        }
        return answer(checkouts.openPayPage(invoiceId));
    }

    @GetMapping("/pay/card/{clientId:\\d{1,18}}/{token}")
    ResponseEntity<String> saveCard(@PathVariable long clientId, @PathVariable String token) {
        if (!links.valid(PaymentLinks.CARD, clientId, token)) {
            return page(HttpStatus.NOT_FOUND, "This link is not valid.");
        }
        return answer(cardsOnFile.openSetupPage(clientId));
    }

    @GetMapping("/pay/done")
    ResponseEntity<String> done() {
        return page(HttpStatus.OK, "Thank you! Your payment is being confirmed; you will receive a receipt by email.");
    }

    @GetMapping("/pay/card-saved")
    ResponseEntity<String> cardSaved() {
        return page(HttpStatus.OK, "Thank you! Your card is saved. We keep only its brand, last four digits and expiry.");
    }

    @GetMapping("/pay/cancelled")
    ResponseEntity<String> cancelled() {
        return page(HttpStatus.OK, "Nothing was paid or saved. You can use the link in your email again.");
    }

    private ResponseEntity<String> answer(PayPage page) {
        if (page.redirect() != null) {
            return ResponseEntity.status(HttpStatus.SEE_OTHER).header(HttpHeaders.LOCATION, page.redirect().toString())
                    .build();
        }
        return page(HttpStatus.OK, page.message());
    }

    private ResponseEntity<String> page(HttpStatus status, String message) {
        String business = HtmlEmail.escape(settings.profile().name());
        String html = "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\">"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>" + business
                + "</title><style>body{font-family:system-ui,sans-serif;max-width:36rem;margin:4rem auto;padding:0 1rem;"
                + "color:#1f2937;line-height:1.5}h1{font-size:1.4rem}</style></head><body><h1>" + business + "</h1><p>"
                + HtmlEmail.escape(message) + "</p></body></html>";
        return ResponseEntity.status(status).contentType(MediaType.TEXT_HTML).header(HttpHeaders.CACHE_CONTROL, "no-store")
                .body(html);
    }
}
