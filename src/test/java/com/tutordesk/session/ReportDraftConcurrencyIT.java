package com.tutordesk.session;

import static org.assertj.core.api.Assertions.assertThat;

import com.tutordesk.testing.IntegrationTest;
import com.tutordesk.testing.SignIn;
import com.tutordesk.testing.TestData;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Tutors typing the first words of their reports at the same moment all get their drafts kept (issue
 * 20: the capacity run on MariaDB got a deadlock once in 4,500 draft saves — two first drafts of
 * neighbouring sessions each waited to insert into the index gap the other had locked while looking
 * for its own row).
 */
@IntegrationTest
class ReportDraftConcurrencyIT {

    static final int TUTORS = 8;
    static final int ROUNDS = 3;

    @Autowired
    SessionReportService reports;

    @Autowired
    SignIn signIn;

    @Autowired
    TestData data;

    @Autowired
    JdbcTemplate jdbc;

    record Writer(String email, long session) {
    }

    @Test
    void tutors_saving_their_first_drafts_at_the_same_moment_all_get_them_kept() throws Exception {
        long subject = data.subject();
        try (ExecutorService threads = Executors.newFixedThreadPool(TUTORS)) {
            for (int round = 0; round < ROUNDS; round++) {
                // New sessions each round, logged one after the other: neighbours in the drafts' key.
                List<Writer> writers = new ArrayList<>();
                for (int i = 0; i < TUTORS; i++) {
                    long tutor = data.tutor(TestData.unique("Drafting Tutor"));
                    String email = data.tutorLogin(tutor, "a-long-enough-password");
                    long client = data.client(TestData.unique("Drafting family"));
                    long engagement = data.engagement(tutor, data.student(client, TestData.unique("Pupil")), subject,
                            5000, 2500);
                    long session = data.session(engagement, Instant.now().minus(1, ChronoUnit.DAYS), 60, "COMPLETED");
                    writers.add(new Writer(email, session));
                }
                CyclicBarrier together = new CyclicBarrier(TUTORS);
                List<Future<Instant>> saved = new ArrayList<>();
                for (Writer writer : writers) {
                    saved.add(threads.submit(() -> {
                        signIn.as(writer.email());
                        try {
                            together.await();
                            return reports.saveDraft(writer.session(), "First words of " + writer.email());
                        } finally {
                            signIn.out();
                        }
                    }));
                }
                for (Future<Instant> at : saved) {
                    assertThat(at.get()).isNotNull();
                }
                for (Writer writer : writers) {
                    assertThat(jdbc.queryForObject("select report_text from session_report_drafts where session_id = ?",
                            String.class, writer.session())).isEqualTo("First words of " + writer.email());
                }
            }
        }
    }
}
