/**
 * The schedule's pages and sections: the calendar, reminder settings, and the calendar feed section,
 * which the family portal shows too (named interface "ui").
 */
@org.springframework.modulith.NamedInterface("ui")
package com.tutordesk.schedule.ui;
