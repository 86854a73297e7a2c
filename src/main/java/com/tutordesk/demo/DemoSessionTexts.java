package com.tutordesk.demo;

import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;

/** Session reports, internal notes and locations that read like a real tutor wrote them. */
final class DemoSessionTexts {

    static final List<String> SUBJECTS = List.of("Algebra I", "Algebra II", "Geometry", "Precalculus", "Calculus",
            "Statistics", "SAT Math", "SAT Reading & Writing", "ACT Prep", "Chemistry", "Physics", "Biology",
            "English Essay Writing", "Spanish", "Computer Science");

    private static final Map<String, List<String>> TOPICS = Map.ofEntries(
            Map.entry("Algebra I", List.of("linear equations", "slope and intercepts", "systems of equations")),
            Map.entry("Algebra II", List.of("quadratic functions", "logarithms", "complex numbers")),
            Map.entry("Geometry", List.of("similar triangles", "proofs with congruence", "circle theorems")),
            Map.entry("Precalculus", List.of("unit-circle trigonometry", "polynomial division", "vectors")),
            Map.entry("Calculus", List.of("limits", "the chain rule", "related rates", "integration by parts")),
            Map.entry("Statistics", List.of("confidence intervals", "hypothesis tests", "regression")),
            Map.entry("SAT Math", List.of("timed problem sets", "non-calculator strategies", "data analysis")),
            Map.entry("SAT Reading & Writing", List.of("evidence questions", "transitions", "grammar rules")),
            Map.entry("ACT Prep", List.of("science passages", "pacing on the English section", "a full practice test")),
            Map.entry("Chemistry", List.of("stoichiometry", "balancing equations", "gas laws")),
            Map.entry("Physics", List.of("free-body diagrams", "projectile motion", "circuits")),
            Map.entry("Biology", List.of("cell respiration", "genetics problems", "the lab report")),
            Map.entry("English Essay Writing", List.of("thesis statements", "the college essay draft", "paragraph structure")),
            Map.entry("Spanish", List.of("the preterite and imperfect", "conversation practice", "subjunctive mood")),
            Map.entry("Computer Science", List.of("loops and arrays", "recursion", "the AP practice exam")));

    private static final List<String> OBSERVATIONS = List.of(
            "Accuracy improved noticeably compared with last week.",
            "Still rushing on multi-step problems; we practised slowing down.",
            "Came well prepared and asked excellent questions.",
            "Homework was done carefully, with two small slips we corrected together.",
            "Confidence is growing, especially on the harder questions.",
            "Found the new material tricky at first but got there by the end.");

    private static final List<String> NEXT_STEPS = List.of(
            "Next time we will review the mistakes from the practice set.",
            "Please have the worksheet finished before our next session.",
            "We will start the next unit next week.",
            "Ten minutes of daily practice would help a lot before the test.",
            "Next session: a timed quiz to check progress.");

    private static final List<String> NOTES = List.of(
            "Parent asked to move next week's session to Thursday.",
            "Student seemed tired; check in with the family.",
            "Needs a graphing calculator for the next session.",
            "Running low on practice material; order the new workbook.",
            "Discussed raising frequency to twice a week before exams.",
            "Arrived 10 minutes late; started late by agreement.");

    static final List<String> LOCATIONS = List.of("Online (Zoom)", "Online (Google Meet)", "Student's home",
            "Brooklyn Public Library – Central", "Office – Room 2", "Office – Room 3", "Café Grumpy, Park Slope");

    private DemoSessionTexts() {
    }

    static String report(RandomGenerator random, String studentName, String subject) {
        List<String> topics = TOPICS.getOrDefault(subject, List.of("the homework"));
        String topic = topics.get(random.nextInt(topics.size()));
        return studentName + " worked on " + topic + " today. "
                + OBSERVATIONS.get(random.nextInt(OBSERVATIONS.size())) + "\n\n"
                + NEXT_STEPS.get(random.nextInt(NEXT_STEPS.size()));
    }

    static String internalNote(RandomGenerator random) {
        return NOTES.get(random.nextInt(NOTES.size()));
    }

    static String location(RandomGenerator random) {
        return LOCATIONS.get(random.nextInt(LOCATIONS.size()));
    }
}
