package com.tutordesk;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * Tutordesk: runs a tutoring business (sessions, session reports, invoices, card payments).
 *
 * <p>Each sub-package is a Spring Modulith application module; its base package is its API.
 * The business rules every module follows are in {@code domain.md} (shared docs).
 */
@SpringBootApplication
public class TutordeskApplication {

    public static void main(String[] args) {
        SpringApplication.run(TutordeskApplication.class, args);
    }
}
