package com.tutordesk.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The password rules of issue 6 ("length ≥ 12, checked against a list of common passwords"). */
class PasswordPolicyTest {

    private static final List<String> ANA = List.of("ana.lima@example.org", "Ana Lima");

    @Test
    void a_password_shorter_than_twelve_characters_is_refused() {
        assertThat(PasswordPolicy.problem("Tr0ub4dor&3", ANA)).contains("Password must have at least 12 characters");
    }

    @Test
    void common_passwords_of_twelve_or_more_characters_are_refused() {
        for (String common : List.of("password1234", "qwertyuiopas", "123456789012", "iloveyou1234", "passwordpassword")) {
            assertThat(PasswordPolicy.problem(common, ANA)).as(common).isPresent();
        }
        assertThat(PasswordPolicy.problem("baseball1234", ANA)).get().asString().contains("easy to guess");
    }

    @Test
    void one_entry_of_the_common_password_list_is_named_as_such() {
        assertThat(PasswordPolicy.problem("1q2w3e4r5t6y", ANA)).get().asString().contains("commonly used password");
    }

    @Test
    void a_password_made_of_the_persons_own_name_and_email_is_refused() {
        assertThat(PasswordPolicy.problem("analima2026!", ANA)).isPresent();
        assertThat(PasswordPolicy.problem("ana.lima@example.org", ANA)).isPresent();
    }

    @Test
    void unrelated_words_and_random_strings_are_accepted() {
        assertThat(PasswordPolicy.problem("violet tractor seldom lagoon", ANA)).isEmpty();
        assertThat(PasswordPolicy.problem("Xq7#mLp2!vRz9w", ANA)).isEmpty();
    }

    @Test
    void temporary_passwords_made_by_the_app_pass_the_policy_and_differ_every_time() {
        String first = UserAccountService.temporaryPassword();
        assertThat(first).matches("[a-z2-9]{4}(-[a-z2-9]{4}){3}");
        assertThat(PasswordPolicy.problem(first, ANA)).isEmpty();
        assertThat(UserAccountService.temporaryPassword()).isNotEqualTo(first);
    }

    @Test
    void a_password_longer_than_bcrypt_hashes_is_refused_rather_than_cut() {
        assertThat(PasswordPolicy.problem("ä".repeat(37), ANA)).get().asString().contains("at most 72 bytes");
    }
}
