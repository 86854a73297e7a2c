package com.tutordesk.schedule;

import java.nio.charset.StandardCharsets;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /calendar/{token}.ics}: the private calendar feed, without a login (calendar apps have
 * none; the secret token is the key — see {@link CalendarFeedService}). An unknown or revoked token
 * gets a plain 404, the same as any address that does not exist.
 */
@RestController
class CalendarFeedController {

    /** The path the security configuration lets through without a login. */
    static final String PATH = "/calendar/{token}.ics";

    private static final MediaType TEXT_CALENDAR = new MediaType("text", "calendar", StandardCharsets.UTF_8);

    private final CalendarFeedService feeds;

    CalendarFeedController(CalendarFeedService feeds) {
        this.feeds = feeds;
    }

    @GetMapping(PATH)
    ResponseEntity<String> feed(@PathVariable String token) {
        return feeds.feed(token)
                .map(ics -> ResponseEntity.ok()
                        .contentType(TEXT_CALENDAR)
                        // Calendar apps poll; an address in a shared cache would leak to others.
                        .cacheControl(CacheControl.noStore())
                        .header(HttpHeaders.CONTENT_DISPOSITION, "inline; filename=\"tutordesk.ics\"")
                        .body(ics))
                .orElseGet(() -> ResponseEntity.status(HttpStatus.NOT_FOUND).contentType(MediaType.TEXT_PLAIN)
                        .body("Not found"));
    }
}
