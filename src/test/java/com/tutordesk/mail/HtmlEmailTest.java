package com.tutordesk.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.Test;

class HtmlEmailTest {

    private static final String SCRIPT = "Great work <script>alert('x')</script> & \"more\"";

    @Test
    void user_text_with_a_script_tag_is_escaped_in_every_html_block_and_kept_verbatim_in_the_text_body() {
        EmailBody body = HtmlEmail.titled("Report <b>1</b>")
                .paragraph(SCRIPT)
                .field("Student <img src=x onerror=alert(1)>", SCRIPT)
                .text("Line one\n" + SCRIPT)
                .table(List.of("<th>"), List.of(List.of(SCRIPT)))
                .link("<Pay>", URI.create("https://pay.example.org/c?a=1&b=%222%22"))
                .footer(SCRIPT)
                .build();

        assertThat(body.html()).doesNotContain("<script>", "<b>1</b>", "<img", "<Pay>")
                .contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;more&quot;")
                .contains("Report &lt;b&gt;1&lt;/b&gt;", "&lt;th&gt;", "&lt;Pay&gt;")
                .contains("Student &lt;img src=x onerror=alert(1)&gt;")
                .contains("href=\"https://pay.example.org/c?a=1&amp;b=%222%22\"");
        assertThat(body.text()).contains(SCRIPT).contains("Line one\n" + SCRIPT)
                .contains("<Pay>: https://pay.example.org/c?a=1&b=%222%22");
    }

    @Test
    void line_breaks_in_multi_line_text_are_kept_in_both_bodies() {
        EmailBody body = HtmlEmail.titled("T").text("first\r\nsecond\n\nthird").build();
        assertThat(body.html()).contains("<p>first<br>\nsecond<br>\n<br>\nthird</p>");
        assertThat(body.text()).contains("first\nsecond\n\nthird");
    }

    @Test
    void fields_form_one_list_and_a_missing_value_is_left_out() {
        EmailBody body = HtmlEmail.titled("T").field("Student", "Ana").field("Rating", null).field("Tutor", "Bo")
                .build();
        assertThat(body.text()).contains("Student: Ana\nTutor: Bo\n").doesNotContain("Rating");
        assertThat(body.html().split("<table", -1)).hasSize(2);
    }

    @Test
    void a_table_lines_up_columns_in_the_text_body_and_right_aligns_amounts() {
        EmailBody body = HtmlEmail.titled("Invoice")
                .table(List.of("Date", "Amount"), List.of(List.of("Nov 2", "$5.00"), List.of("Nov 12", "$120.00")),
                        false, true)
                .build();
        assertThat(body.text()).contains("Date     Amount\nNov 2     $5.00\nNov 12  $120.00\n");
        assertThat(body.html()).contains("<td style=\"text-align:right;");
    }

    @Test
    void links_other_than_http_and_https_are_refused() {
        assertThatThrownBy(() -> HtmlEmail.titled("T").link("Click", URI.create("javascript:alert(1)")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("http or https");
        assertThatThrownBy(() -> HtmlEmail.titled("T").link("Click", URI.create("/relative")))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void escape_handles_null_and_every_special_character() {
        assertThat(HtmlEmail.escape(null)).isEmpty();
        assertThat(HtmlEmail.escape("<>&\"'")).isEqualTo("&lt;&gt;&amp;&quot;&#39;");
    }
}
