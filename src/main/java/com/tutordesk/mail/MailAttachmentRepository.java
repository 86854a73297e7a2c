package com.tutordesk.mail;

import org.springframework.data.jpa.repository.JpaRepository;

interface MailAttachmentRepository extends JpaRepository<MailAttachment, Long> {
}
