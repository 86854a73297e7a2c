package com.tutordesk.dashboard;

/**
 * One line of the admin's to-do list.
 *
 * @param kind  what needs doing
 * @param count how many (sessions, clients, invoices, emails or sessions)
 * @param link  the app location that lists them, e.g. {@code "outbox?state=failed"}
 */
public record TodoItem(Kind kind, long count, String link) {

    /** The to-do list's lines, in the order shown (domain.md "Dashboard"). */
    public enum Kind {
        /**
         * Completed sessions without a report that started on a business-local day ending more than
         * 48 h before now (so every one of them ended at least 48 h ago).
         */
        REPORTS_MISSING("Sessions without a report after 48 h"),
        /** Clients with billable sessions on no invoice (the Payments page's list). */
        CLIENTS_TO_INVOICE("Clients to invoice"),
        /** Open invoices whose latest card payment was declined, needs authentication or failed. */
        FAILED_CARD_PAYMENTS("Failed card payments"),
        /** Emails the outbox gave up on, or holds because no mail server is configured. */
        EMAILS_NOT_DELIVERED("Emails not delivered"),
        /** Sessions this week that overlap another session of the same tutor. */
        OVERLAPPING_SESSIONS("Overlapping sessions this week");

        private final String label;

        Kind(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }
}
