package com.tutordesk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/** docker/compose.yaml describes MySQL 8.4, Mailpit and the app in the mysql profile. */
class DockerComposeFileTest {

    static final Path COMPOSE = Path.of("docker", "compose.yaml");

    @Test
    @SuppressWarnings("unchecked")
    void the_compose_file_runs_mysql_mailpit_and_the_app_in_the_mysql_profile() throws IOException {
        Map<String, Object> compose = new Yaml().load(Files.readString(COMPOSE));
        Map<String, Map<String, Object>> services = (Map<String, Map<String, Object>>) compose.get("services");
        assertThat(services).containsOnlyKeys("mysql", "mailpit", "app");
        assertThat(services.get("mysql").get("image")).isEqualTo("mysql:8.4");
        assertThat((String) services.get("mailpit").get("image")).startsWith("axllent/mailpit");
        Map<String, Object> environment = (Map<String, Object>) services.get("app").get("environment");
        assertThat(environment).containsEntry("SPRING_PROFILES_ACTIVE", "mysql")
                .containsKeys("TUTORDESK_DB_URL", "TUTORDESK_DB_USER", "TUTORDESK_DB_PASSWORD", "SPRING_MAIL_HOST");
        Map<String, Object> build = (Map<String, Object>) services.get("app").get("build");
        assertThat(Path.of("docker").resolve((String) build.get("context")).resolve((String) build.get("dockerfile"))
                .normalize()).exists();
    }

    @Test
    void docker_compose_accepts_the_file_when_the_docker_client_has_compose() throws Exception {
        assumeTrue(commandWorks(List.of("docker", "compose", "version")), "docker compose is not installed here");
        Process config = new ProcessBuilder("docker", "compose", "-f", COMPOSE.toString(), "config", "--quiet")
                .redirectErrorStream(true).start();
        assertThat(config.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(config.exitValue()).as(new String(config.getInputStream().readAllBytes())).isZero();
    }

    private static boolean commandWorks(List<String> command) {
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            return process.waitFor(30, TimeUnit.SECONDS) && process.exitValue() == 0;
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }
}
