package com.tutordesk.shared;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** A MySQL URL pointed at a MariaDB server is refused before migrating, with the URL to use instead. */
class DatabaseCheckTest {

    @Test
    void a_mysql_url_at_a_mariadb_server_is_refused_with_the_mariadb_url() {
        assertThat(DatabaseCheck.problem("jdbc:mysql://db:3306/tutordesk?connectionTimeZone=UTC", "11.4.5-MariaDB"))
                .get().asString().contains("jdbc:mariadb://db:3306/tutordesk").contains("11.4.5-MariaDB");
    }

    @Test
    void matching_drivers_pass() {
        assertThat(DatabaseCheck.problem("jdbc:mysql://db:3306/tutordesk", "8.4.3")).isEmpty();
        assertThat(DatabaseCheck.problem("jdbc:mariadb://db:3306/tutordesk", "11.4.5-MariaDB")).isEmpty();
    }
}
