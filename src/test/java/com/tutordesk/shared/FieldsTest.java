package com.tutordesk.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class FieldsTest {

    @Test
    void required_text_is_stripped_and_limited() {
        assertThat(Fields.required("name", "Name", "  Ana  ", 5)).isEqualTo("Ana");
        assertThatThrownBy(() -> Fields.required("name", "Name", "   ", 5)).isInstanceOf(InvalidFieldException.class)
                .hasMessage("Name is required");
        assertThatThrownBy(() -> Fields.required("name", "Name", "Anabela", 5))
                .hasMessage("Name must be at most 5 characters");
    }

    @Test
    void emails_are_checked_and_lower_cased() {
        assertThat(Fields.email("email", "Email", " Ana@Example.ORG ", 254, true)).isEqualTo("ana@example.org");
        assertThat(Fields.email("email", "Email", " ", 254, false)).isNull();
        assertThatThrownBy(() -> Fields.email("email", "Email", "ana.example.org", 254, true))
                .hasMessage("Email must be a valid address such as name@example.org")
                .extracting(e -> ((InvalidFieldException) e).field()).isEqualTo("email");
        assertThat(Fields.isEmail("ana@")).isFalse();
    }

    @Test
    void phones_are_checked_leniently() {
        for (String phone : new String[] {"+1 (212) 555-0100", "020 7946 0958", "212.555.0100 ext. 12", "555/0100"}) {
            assertThat(Fields.isPhone(phone)).as(phone).isTrue();
        }
        for (String phone : new String[] {"call me", "12", "+1 212 555 0100; drop table"}) {
            assertThat(Fields.isPhone(phone)).as(phone).isFalse();
        }
    }
}
