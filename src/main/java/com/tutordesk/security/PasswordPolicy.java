package com.tutordesk.security;

import com.nulabinc.zxcvbn.Pattern;
import com.nulabinc.zxcvbn.Strength;
import com.nulabinc.zxcvbn.Zxcvbn;
import com.nulabinc.zxcvbn.matchers.Match;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * What a password chosen by a person must be (issue 6 "My account": length &ge; 12, checked
 * against a list of common passwords). The check is zxcvbn's: its dictionaries hold the 30,000
 * most common passwords plus common words, names and keyboard patterns, and it scores how many
 * guesses a password would take. Refused: shorter than {@value #MIN_LENGTH} characters, longer than
 * bcrypt can hash ({@value #MAX_BYTES} UTF-8 bytes), any password that is one common password
 * (possibly with a l33t substitution or reversed), and any that scores below {@value #MIN_SCORE}
 * of 4 ("safely unguessable"), and any that contains the person's own name or email.
 */
public final class PasswordPolicy {

    /** Minimum length in characters. */
    public static final int MIN_LENGTH = 12;
    /** bcrypt hashes only the first 72 bytes; longer passwords are refused rather than silently cut. */
    public static final int MAX_BYTES = 72;
    /** zxcvbn score (0–4) a password needs: 3 means "safely unguessable against online attacks". */
    public static final int MIN_SCORE = 3;

    private static final Zxcvbn ZXCVBN = new Zxcvbn();

    private PasswordPolicy() {
    }

    /**
     * @param password   the candidate
     * @param userInputs words the password must not be built from: the person's name, email, the
     *                   business name (compared case-insensitively by zxcvbn)
     * @return what is wrong with the password, as a sentence for the person, or empty when it is good
     */
    public static Optional<String> problem(String password, List<String> userInputs) {
        if (password == null || password.codePointCount(0, password.length()) < MIN_LENGTH) {
            return Optional.of("Password must have at least " + MIN_LENGTH + " characters");
        }
        if (password.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
            return Optional.of("Password must be at most " + MAX_BYTES + " bytes long (about 70 letters)");
        }
        if (password.isBlank()) {
            return Optional.of("Password must not be only spaces");
        }
        List<String> inputs = userInputs.stream().filter(Objects::nonNull).filter(s -> !s.isBlank())
                .flatMap(s -> java.util.stream.Stream.of(s, s.split("@")[0]))
                .map(s -> s.toLowerCase(Locale.ROOT)).distinct().toList();
        String lowered = password.toLowerCase(Locale.ROOT);
        for (String input : inputs) {
            String joined = input.replaceAll("[\\s._-]+", "");
            if (joined.length() >= 4 && lowered.replaceAll("[\\s._-]+", "").contains(joined)) {
                return Optional.of("Password must not contain your name or email");
            }
        }
        List<String> words = java.util.stream.Stream.concat(inputs.stream(),
                inputs.stream().flatMap(s -> java.util.Arrays.stream(s.split("[\\s._@-]+")))).distinct().toList();
        Strength strength = ZXCVBN.measure(password, words);
        if (isOneCommonPassword(strength)) {
            return Optional.of("This is a commonly used password. Choose one that is harder to guess, e.g. a few"
                    + " unrelated words.");
        }
        if (strength.getScore() < MIN_SCORE) {
            String warning = strength.getFeedback().getWarning(Locale.ENGLISH);
            String reason = warning == null || warning.isBlank() ? "" : " (" + stripPeriod(warning) + ")";
            return Optional.of("This password is too easy to guess" + reason
                    + ". Add more words or characters that do not belong together.");
        }
        return Optional.empty();
    }

    /** @return whether the whole password is one entry of zxcvbn's common-password dictionary */
    private static boolean isOneCommonPassword(Strength strength) {
        List<Match> sequence = strength.getSequence();
        if (sequence.size() != 1) {
            return false;
        }
        Match only = sequence.getFirst();
        return only.pattern == Pattern.Dictionary && "passwords".equals(only.dictionaryName);
    }

    private static String stripPeriod(String text) {
        String stripped = text.strip();
        return stripped.endsWith(".") ? stripped.substring(0, stripped.length() - 1) : stripped;
    }
}
