package com.tutordesk.billing;

import java.util.Optional;

/**
 * A total that a module above billing adds to the Payments page's figures (e.g. "Prepaid hours left" of
 * the prepaid module, issue 17), so that billing never depends on it. Implementations are Spring beans;
 * the page shows each after Overdue, Outstanding and Unbilled, in bean order.
 */
public interface PaymentsPageFigure {

    /**
     * A figure as the page shows it.
     *
     * @param label       e.g. "Prepaid hours left"
     * @param amountMinor its amount, minor units of the business currency
     * @param detail      the line under the amount, e.g. "8 h 30 min"
     */
    record Figure(String label, long amountMinor, String detail) {
    }

    /** @return the figure for the signed-in person (scoped by its own service), or empty when hidden from them */
    Optional<Figure> figure();
}
