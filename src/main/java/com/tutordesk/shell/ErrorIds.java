package com.tutordesk.shell;

import java.security.SecureRandom;
import java.util.HexFormat;

/** Short random ids that tie what a person sees to the log line with the stack trace. */
final class ErrorIds {

    private static final SecureRandom RANDOM = new SecureRandom();

    private ErrorIds() {
    }

    /** @return eight hex characters, e.g. "3fa9c01b" */
    static String next() {
        byte[] bytes = new byte[4];
        RANDOM.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }
}
