package com.tutordesk.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tutordesk.shared.InvalidFieldException;
import com.tutordesk.testing.DemoAccounts;
import com.tutordesk.testing.IntegrationTest;
import com.tutordesk.testing.SignIn;
import com.tutordesk.testing.TestClock;
import com.tutordesk.testing.TestData;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Changing one's own sign-in email (issue 12): the password and a code sent to the new address are
 * needed, and the answer is the same whether or not another login uses that address.
 */
@IntegrationTest
class SignInEmailChangeIT {

    static final String PASSWORD = "violet tractor seldom lagoon";
    static final Pattern CODE = Pattern.compile("\\b(\\d{6})\\b");

    @Autowired
    SignInEmailChangeService changes;

    @Autowired
    CurrentUserService currentUsers;

    @Autowired
    SignIn signIn;

    @Autowired
    TestData data;

    @Autowired
    TestClock clock;

    @Autowired
    JdbcTemplate jdbc;

    String email;
    long userId;

    @BeforeEach
    void setUp() {
        clock.reset();
        email = data.tutorLogin(data.tutor("Email Tutor"), PASSWORD);
        userId = jdbc.queryForObject("select id from users where email = ?", Long.class, email);
        signIn.as(email);
    }

    @AfterEach
    void tearDown() {
        signIn.out();
        clock.reset();
    }

    private List<Map<String, Object>> emails() {
        return jdbc.queryForList("select recipients, subject, text_body from mail_messages"
                + " where ref_type = 'SIGN_IN_EMAIL' and ref_id = ? order by id", userId);
    }

    private String codeIn(Map<String, Object> message) {
        Matcher code = CODE.matcher((String) message.get("text_body"));
        assertThat(code.find()).as("a code in " + message).isTrue();
        return code.group(1);
    }

    @Test
    void the_change_takes_the_password_and_the_code_sent_to_the_new_address() {
        String newEmail = TestData.unique("moved") + "@example.org";
        assertThatThrownBy(() -> changes.requestChange(newEmail, "not my password"))
                .isInstanceOf(InvalidFieldException.class).hasMessage("Password is not correct");
        assertThat(emails()).isEmpty();

        PendingEmailChange pending = changes.requestChange(newEmail, PASSWORD);
        assertThat(pending.newEmail()).isEqualTo(newEmail);
        assertThat(pending.delivery()).isEqualTo(AccountEmails.Delivery.QUEUED);
        assertThat(changes.pending()).map(PendingEmailChange::newEmail).contains(newEmail);
        assertThat(currentUsers.require().email()).isEqualTo(email);
        Map<String, Object> codeEmail = emails().getFirst();
        assertThat(codeEmail.get("recipients")).isEqualTo(newEmail);
        assertThat(codeEmail.get("subject")).isEqualTo("Confirm your new sign-in email");

        String code = codeIn(codeEmail);
        String wrong = code.equals("000000") ? "111111" : "000000";
        assertThatThrownBy(() -> changes.confirm(wrong)).hasMessageStartingWith("Code is not correct");
        changes.confirm(code);

        assertThat(currentUsers.require().email()).isEqualTo(newEmail);
        assertThat(changes.pending()).isEmpty();
        Map<String, Object> notice = emails().getLast();
        assertThat(notice.get("recipients")).isEqualTo(email);
        assertThat((String) notice.get("text_body")).contains("now signs in with " + newEmail);
    }

    @Test
    void an_address_of_another_login_gets_the_same_answer_and_can_never_be_confirmed() {
        String taken = DemoAccounts.read(jdbc).adminEmail();
        String free = TestData.unique("free") + "@example.org";

        PendingEmailChange toTaken = changes.requestChange(taken, PASSWORD);
        assertThat(toTaken.delivery()).isEqualTo(AccountEmails.Delivery.QUEUED);
        assertThat(toTaken.expiresAt()).isEqualTo(clock.instant().plus(Duration.ofMinutes(30)));
        assertThat(changes.pending()).map(PendingEmailChange::newEmail).contains(taken);

        Map<String, Object> notice = emails().getFirst();
        assertThat(notice.get("recipients")).isEqualTo(taken);
        assertThat(CODE.matcher((String) notice.get("text_body")).find()).isFalse();
        assertThat((String) notice.get("text_body")).contains("already signs in to a login, so nothing was changed");
        for (String guess : List.of("000000", "123456", "999999")) {
            assertThatThrownBy(() -> changes.confirm(guess)).hasMessageStartingWith("Code is not correct");
        }
        assertThat(currentUsers.require().email()).isEqualTo(email);

        clock.advance(Duration.ofMinutes(1));
        PendingEmailChange toFree = changes.requestChange(free, PASSWORD);
        assertThat(toFree.delivery()).isEqualTo(toTaken.delivery());
        assertThat(toFree.expiresAt()).isEqualTo(clock.instant().plus(Duration.ofMinutes(30)));
    }

    @Test
    void codes_expire_allow_five_wrong_tries_and_are_sent_at_most_once_a_minute() {
        String newEmail = TestData.unique("later") + "@example.org";
        changes.requestChange(newEmail, PASSWORD);
        assertThatThrownBy(() -> changes.requestChange(newEmail, PASSWORD))
                .hasMessageStartingWith("A code was sent less than a minute ago");
        for (int i = 0; i < 4; i++) {
            assertThatThrownBy(() -> changes.confirm("abc")).hasMessageStartingWith("Code is not correct");
        }
        assertThatThrownBy(() -> changes.confirm("abc")).hasMessage("Too many wrong codes. Ask for a new one.");
        assertThat(changes.pending()).isEmpty();

        clock.advance(Duration.ofMinutes(1));
        changes.requestChange(newEmail, PASSWORD);
        String code = codeIn(emails().getLast());
        clock.advance(Duration.ofMinutes(30));
        assertThatThrownBy(() -> changes.confirm(code)).hasMessage("This code has expired. Ask for a new one.");
        assertThat(currentUsers.require().email()).isEqualTo(email);
    }

    @Test
    void the_new_address_is_checked_like_any_email() {
        assertThatThrownBy(() -> changes.requestChange("not-an-email", PASSWORD))
                .hasMessage("New email must be a valid address such as name@example.org");
        assertThatThrownBy(() -> changes.requestChange(email.toUpperCase(), PASSWORD))
                .hasMessage("This is already your sign-in email");
    }
}
