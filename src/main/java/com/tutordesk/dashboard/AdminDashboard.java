package com.tutordesk.dashboard;

import com.tutordesk.billing.PaymentsTotals;
import java.util.List;

/**
 * The admin's Home figures (domain.md "Dashboard").
 *
 * @param thisMonth the current business month so far
 * @param lastMonth the whole previous business month
 * @param money     Overdue, Outstanding and Unbilled, exactly as the Payments page shows them
 * @param todo      the to-do list, every kind once, zero counts included
 */
public record AdminDashboard(MonthFigures thisMonth, MonthFigures lastMonth, PaymentsTotals money,
        List<TodoItem> todo) {
}
