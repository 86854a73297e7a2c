package com.tutordesk;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.sql.Driver;
import java.util.Map;
import org.hibernate.dialect.Dialect;
import org.hibernate.dialect.MariaDBDialect;
import org.hibernate.dialect.MySQLDialect;
import org.hibernate.engine.jdbc.dialect.internal.StandardDialectResolver;
import org.hibernate.engine.jdbc.dialect.spi.DialectResolutionInfo;
import org.junit.jupiter.api.Test;
import org.springframework.boot.env.PropertiesPropertySourceLoader;
import org.springframework.boot.jdbc.DatabaseDriver;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.ClassPathResource;

/**
 * How the production profile resolves with only the README's variables, for the server this machine
 * cannot run (MySQL 8.4) and the one it can (MariaDB, also proven end to end by ProductionStartBrowserIT):
 * the URL picks the driver, the driver's report picks the dialect, and no setting pins either.
 */
class ProductionDatabaseSettingsTest {

    private static StandardEnvironment productionEnvironment(String url) throws IOException {
        StandardEnvironment environment = new StandardEnvironment();
        environment.setActiveProfiles("mysql");
        var loader = new PropertiesPropertySourceLoader();
        // Profile-specific properties win over the defaults, the environment over both (as in Spring Boot).
        environment.getPropertySources().addLast(loader.load("mysql",
                new ClassPathResource("application-mysql.properties")).getFirst());
        environment.getPropertySources().addLast(loader.load("defaults",
                new ClassPathResource("application.properties")).getFirst());
        environment.getPropertySources().addFirst(new MapPropertySource("operator", Map.of("TUTORDESK_DB_URL", url,
                "TUTORDESK_DB_USER", "tutordesk", "TUTORDESK_DB_PASSWORD", "secret")));
        return environment;
    }

    @Test
    void a_mysql_url_uses_mysql_connector_j_and_hibernate_picks_the_mysql_dialect_from_its_report() throws Exception {
        StandardEnvironment environment = productionEnvironment("jdbc:mysql://db:3306/tutordesk");
        String url = environment.getProperty("spring.datasource.url");
        assertThat(url).isEqualTo("jdbc:mysql://db:3306/tutordesk");
        String driver = DatabaseDriver.fromJdbcUrl(url).getDriverClassName();
        assertThat(driver).isEqualTo("com.mysql.cj.jdbc.Driver");
        assertThat(((Driver) Class.forName(driver).getDeclaredConstructor().newInstance()).acceptsURL(url)).isTrue();
        // What MySQL Connector/J reports for MySQL 8.4.
        assertThat(dialectFor("MySQL", 8, 4)).isInstanceOf(MySQLDialect.class).isNotInstanceOf(MariaDBDialect.class);
        assertCommonSettings(environment);
    }

    @Test
    void a_mariadb_url_uses_mariadb_connector_j_and_hibernate_picks_the_mariadb_dialect_from_its_report() throws Exception {
        StandardEnvironment environment = productionEnvironment("jdbc:mariadb://db:3306/tutordesk");
        String url = environment.getProperty("spring.datasource.url");
        String driver = DatabaseDriver.fromJdbcUrl(url).getDriverClassName();
        assertThat(driver).isEqualTo("org.mariadb.jdbc.Driver");
        assertThat(((Driver) Class.forName(driver).getDeclaredConstructor().newInstance()).acceptsURL(url)).isTrue();
        // What MariaDB Connector/J reports for MariaDB 10.11 and 11.4.
        assertThat(dialectFor("MariaDB", 10, 11)).isInstanceOf(MariaDBDialect.class);
        assertThat(dialectFor("MariaDB", 11, 4)).isInstanceOf(MariaDBDialect.class);
        assertCommonSettings(environment);
    }

    private static void assertCommonSettings(StandardEnvironment environment) {
        assertThat(environment.getProperty("spring.jpa.database-platform")).as("the dialect is detected, not pinned")
                .isNull();
        assertThat(environment.getProperty("spring.datasource.driver-class-name")).as("the URL picks the driver")
                .isNull();
        assertThat(environment.getProperty("spring.datasource.username")).isEqualTo("tutordesk");
        assertThat(environment.getProperty("spring.datasource.hikari.data-source-properties.connectionTimeZone"))
                .isEqualTo("UTC");
        assertThat(environment.getProperty("spring.datasource.hikari.data-source-properties.forceConnectionTimeZoneToSession"))
                .isEqualTo("true");
        assertThat(environment.getProperty("spring.jpa.properties.hibernate.jdbc.time_zone")).isEqualTo("UTC");
        assertThat(environment.getProperty("spring.flyway.locations"))
                .isEqualTo("classpath:db/migration/common,classpath:db/migration/mysql");
        assertThat(environment.getProperty("tutordesk.demo.public-passwords")).isEqualTo("false");
    }

    private static Dialect dialectFor(String product, int major, int minor) {
        return new StandardDialectResolver().resolveDialect(new DialectResolutionInfo() {
            @Override
            public String getDatabaseName() {
                return product;
            }

            @Override
            public String getDatabaseVersion() {
                return major + "." + minor + ".0";
            }

            @Override
            public String getDriverName() {
                return product + " Connector/J";
            }

            @Override
            public int getDriverMajorVersion() {
                return 3;
            }

            @Override
            public int getDriverMinorVersion() {
                return 5;
            }

            @Override
            public String getSQLKeywords() {
                return "";
            }

            @Override
            public int getDatabaseMajorVersion() {
                return major;
            }

            @Override
            public int getDatabaseMinorVersion() {
                return minor;
            }
        });
    }
}
