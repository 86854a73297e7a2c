package com.tutordesk.billing;

import java.time.LocalDate;

/**
 * What the invoice list is narrowed to; every part optional ({@code null} = any).
 *
 * @param status   draft / outstanding / overdue / paid / cancelled
 * @param clientId one client
 * @param from     issued on or after (business-local); drafts have no issue date and are left out
 * @param to       issued on or before (business-local)
 */
public record InvoiceFilter(InvoiceStatus status, Long clientId, LocalDate from, LocalDate to) {

    public static final InvoiceFilter NONE = new InvoiceFilter(null, null, null, null);
}
