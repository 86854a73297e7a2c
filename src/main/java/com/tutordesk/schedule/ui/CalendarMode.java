package com.tutordesk.schedule.ui;

/** The calendar's views; {@code key} is how the URL names them ({@code /schedule?view=week}). */
enum CalendarMode {
    DAY("day", "Day"),
    WEEK("week", "Week"),
    MONTH("month", "Month"),
    /** One column per tutor, for one day (admins). */
    TUTORS("tutors", "By tutor");

    final String key;
    final String label;

    CalendarMode(String key, String label) {
        this.key = key;
        this.label = label;
    }

    static CalendarMode byKey(String key) {
        for (CalendarMode mode : values()) {
            if (mode.key.equals(key)) {
                return mode;
            }
        }
        return null;
    }
}
