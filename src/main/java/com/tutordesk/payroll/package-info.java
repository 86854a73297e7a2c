/**
 * Payroll (issue 16; rules: domain.md "Payroll"): pay periods from the business's pay period
 * setting ({@link com.tutordesk.payroll.PayPeriods}, arithmetic in {@link com.tutordesk.payroll.PayCalendar}),
 * each tutor's pay for a period — the stored tutor earnings of their completed and late-cancelled
 * sessions that started in it (business zone) plus bonuses, deductions and reimbursements
 * ({@link com.tutordesk.payroll.PayAdjustments}) —, the payroll run that approves a period (all tutors
 * or one), marks a tutor paid and reopens an approved, unpaid period ({@link com.tutordesk.payroll.PayrollApproval}),
 * statements and the period overview ({@link com.tutordesk.payroll.PayrollQueries}), and their PDF
 * and CSV exports ({@link com.tutordesk.payroll.PayrollExports}).
 *
 * <p>Approval writes one line per session it pays ({@code tutor_pay_lines}); that line locks the
 * session's tutor earnings: the session module asks through {@link com.tutordesk.session.PayrollLock}
 * (implemented here) before it saves a change of tutor, earnings or pay period, and re-prices only
 * the client side of such sessions. A session that becomes payable later with a date in an approved
 * period is paid in the next open period, marked "carried forward" ({@link com.tutordesk.payroll.PayrollBook}).
 * Admins run payroll; tutors, with or without Enhanced Access, see only their own pay (My pay).
 */
package com.tutordesk.payroll;
