package com.tutordesk.shared;

/**
 * One input field holds a bad value. The message names the field and the problem ("Email must be
 * a valid address such as name@example.org"); {@link #field()} lets a form put the message next to
 * the field it belongs to.
 */
public class InvalidFieldException extends IllegalArgumentException {

    private final String field;

    /**
     * @param field   the form field's key, e.g. "email" (forms map it to their input)
     * @param message what is wrong, written for the person, naming the field
     */
    public InvalidFieldException(String field, String message) {
        super(message);
        this.field = field;
    }

    /** @return the key of the field, e.g. "email" */
    public String field() {
        return field;
    }
}
