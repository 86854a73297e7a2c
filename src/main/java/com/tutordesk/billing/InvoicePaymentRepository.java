package com.tutordesk.billing;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

interface InvoicePaymentRepository extends JpaRepository<InvoicePayment, Long> {

    List<InvoicePayment> findByInvoiceIdOrderByRecordedAtAscIdAsc(long invoiceId);
}
