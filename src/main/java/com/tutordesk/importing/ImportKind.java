package com.tutordesk.importing;

import java.util.List;

/** What a file holds: one kind of record per file. The fields are listed in template order. */
public enum ImportKind {

    TUTORS("Tutors", List.of(
            new ImportField("name", "Name", false, "Maria Lopez",
                    List.of("tutor", "tutorname", "fullname", "teacher", "teachername")),
            new ImportField("firstName", "First name", false, "", List.of("givenname", "tutorfirstname")),
            new ImportField("lastName", "Last name", false, "", List.of("surname", "familyname", "tutorlastname")),
            new ImportField("email", "Email", true, "maria.lopez@example.org",
                    List.of("emailaddress", "tutoremail", "mail")),
            new ImportField("phone", "Phone", false, "(212) 555-0100",
                    List.of("phonenumber", "mobile", "cell", "cellphone", "mobilephone", "telephone", "tutorphone")),
            new ImportField("subjects", "Subjects", false, "Algebra II; SAT Math",
                    List.of("subject", "teaches", "subjectstaught", "courses"))),
            "name or first + last name; subjects separated by ';' must exist (import subjects first)"),

    SUBJECTS("Subjects", List.of(
            new ImportField("name", "Subject", true, "Algebra II",
                    List.of("name", "subjectname", "course", "coursename", "subjects"))),
            "one subject per row; an existing name (any case) is left as it is"),

    CLIENTS("Clients", List.of(
            new ImportField("name", "Client name", false, "Chen family",
                    List.of("client", "family", "familyname", "account", "accountname", "household")),
            new ImportField("contactName", "Billing contact name", false, "Wei Chen",
                    List.of("billingcontact", "parent", "parentname", "guardian", "guardianname", "contactname",
                            "contact", "parentguardian", "parentguardianname")),
            new ImportField("contactFirstName", "Contact first name", false, "",
                    List.of("firstname", "parentfirstname", "guardianfirstname", "billingfirstname")),
            new ImportField("contactLastName", "Contact last name", false, "",
                    List.of("lastname", "surname", "parentlastname", "guardianlastname", "billinglastname")),
            new ImportField("contactEmail", "Billing contact email", true, "wei.chen@example.org",
                    List.of("email", "emailaddress", "parentemail", "billingemail", "contactemail", "guardianemail",
                            "familyemail", "parentguardianemail")),
            new ImportField("contactPhone", "Phone", false, "(212) 555-0188",
                    List.of("phonenumber", "parentphone", "mobile", "cell", "cellphone", "mobilephone", "telephone",
                            "billingphone", "contactphone", "homephone")),
            new ImportField("address", "Address", false, "12 Elm St, Springfield",
                    List.of("postaladdress", "billingaddress", "homeaddress", "street", "mailingaddress")),
            new ImportField("studentPays", "Student pays", false, "no",
                    List.of("adultstudent", "selfpaying", "studentisbillingcontact", "studentisadult")),
            new ImportField("studentName", "Student name", false, "Lily Chen",
                    List.of("student", "studentfullname", "child", "childname", "learner")),
            new ImportField("studentFirstName", "Student first name", false, "",
                    List.of("childfirstname", "learnerfirstname")),
            new ImportField("studentLastName", "Student last name", false, "",
                    List.of("childlastname", "learnerlastname")),
            new ImportField("gradeLevel", "Grade or level", false, "Grade 9",
                    List.of("grade", "level", "schoolyear", "year", "studentgrade", "yearlevel")),
            new ImportField("studentEmail", "Student email", false, "",
                    List.of("childemail", "learneremail")),
            new ImportField("notes", "Student notes", false, "",
                    List.of("notes", "note", "comments", "studentnote"))),
            "one row per student; rows with the same billing contact email make one client with several students;"
                    + " client name defaults to the billing contact name"),

    ENGAGEMENTS("Engagements", List.of(
            new ImportField("tutor", "Tutor", true, "maria.lopez@example.org",
                    List.of("tutorname", "tutoremail", "teacher", "teachername")),
            new ImportField("client", "Client", false, "wei.chen@example.org",
                    List.of("clientname", "family", "clientemail", "parentemail", "billingemail", "account")),
            new ImportField("student", "Student", true, "Lily Chen",
                    List.of("studentname", "learner", "child")),
            new ImportField("subject", "Subject", true, "Algebra II",
                    List.of("subjectname", "course", "coursename")),
            new ImportField("clientRate", "Client rate", true, "65.00",
                    List.of("rate", "hourlyrate", "price", "priceperhour", "chargerate", "billingrate",
                            "rateperhour", "clientrateperhour", "clienthourlyrate", "lessonrate")),
            new ImportField("tutorWage", "Tutor wage", true, "35.00",
                    List.of("wage", "payrate", "tutorrate", "tutorpay", "hourlywage", "tutorwageperhour",
                            "tutorhourlyrate", "teacherpay")),
            new ImportField("duration", "Default length (minutes)", false, "60",
                    List.of("defaultlength", "length", "duration", "lessonlength", "sessionlength", "minutes",
                            "defaultduration", "durationminutes", "lengthminutes", "lessonduration"))),
            "tutor by email or name; client by billing contact email or name (may be blank when the student's"
                    + " name is unique); student, subject and tutor must exist"),

    SESSIONS("Past sessions", List.of(
            new ImportField("tutor", "Tutor", true, "maria.lopez@example.org",
                    List.of("tutorname", "tutoremail", "teacher", "teachername")),
            new ImportField("client", "Client", false, "wei.chen@example.org",
                    List.of("clientname", "family", "clientemail", "parentemail", "billingemail", "account")),
            new ImportField("student", "Student", true, "Lily Chen",
                    List.of("studentname", "learner", "child")),
            new ImportField("subject", "Subject", true, "Algebra II",
                    List.of("subjectname", "course", "coursename", "service")),
            new ImportField("date", "Date", true, "2026-10-05",
                    List.of("sessiondate", "lessondate", "day", "startdate", "appointmentdate")),
            new ImportField("time", "Start time", true, "4:30 PM",
                    List.of("starttime", "start", "from", "sessiontime", "lessontime", "begins")),
            new ImportField("duration", "Duration (minutes)", false, "60",
                    List.of("duration", "length", "minutes", "durationminutes", "lessonlength", "sessionlength")),
            new ImportField("status", "Status", false, "completed",
                    List.of("state", "attendance", "outcome", "sessionstatus")),
            new ImportField("location", "Location", false, "Online",
                    List.of("place", "where", "venue", "room"))),
            "past sessions only, each of an existing engagement (tutor, student, subject); status completed,"
                    + " cancelled or late cancelled (blank: completed); duration blank: the engagement's default;"
                    + " amounts from the engagement's rates; a row imported before is matched, never doubled");

    private final String label;
    private final List<ImportField> fields;
    private final String rules;

    ImportKind(String label, List<ImportField> fields, String rules) {
        this.label = label;
        this.fields = fields;
        this.rules = rules;
    }

    /** @return e.g. "Clients" */
    public String label() {
        return label;
    }

    /** @return the fields in template order */
    public List<ImportField> fields() {
        return fields;
    }

    /** @return how rows are read and matched, in one sentence for the page */
    public String rules() {
        return rules;
    }

    /** @return the field with this key */
    public ImportField field(String key) {
        return fields.stream().filter(f -> f.key().equals(key)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("No field " + key + " in " + this));
    }
}
