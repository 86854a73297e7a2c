package com.tutordesk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * docker/: MySQL 8.4, Mailpit, two app nodes in the mysql profile with names of their own and
 * healthchecks on the readiness probe, nginx with cookie-based sticky sessions, and an image that is
 * a layered jar run as non-root and built without compiling tests. Validated by the compose tool and
 * by nginx itself when they are installed here.
 */
class DockerComposeFileTest {

    static final Path COMPOSE = Path.of("docker", "compose.yaml");
    static final Path NGINX = Path.of("docker", "nginx.conf");
    static final Path DOCKERFILE = Path.of("docker", "Dockerfile");

    @SuppressWarnings("unchecked")
    private static Map<String, Map<String, Object>> services() throws IOException {
        Map<String, Object> compose = new Yaml().load(Files.readString(COMPOSE));
        return (Map<String, Map<String, Object>>) compose.get("services");
    }

    @Test
    @SuppressWarnings("unchecked")
    void the_compose_file_runs_mysql_mailpit_two_named_app_nodes_and_nginx() throws IOException {
        Map<String, Map<String, Object>> services = services();
        assertThat(services).containsOnlyKeys("mysql", "mailpit", "app1", "app2", "nginx");
        assertThat(services.get("mysql").get("image")).isEqualTo("mysql:8.4");
        assertThat((String) services.get("mailpit").get("image")).startsWith("axllent/mailpit");
        for (String node : List.of("app1", "app2")) {
            Map<String, Object> environment = (Map<String, Object>) services.get(node).get("environment");
            assertThat(environment).containsEntry("SPRING_PROFILES_ACTIVE", "mysql")
                    .containsEntry("TUTORDESK_NODE_NAME", node)
                    .containsKeys("TUTORDESK_DB_URL", "TUTORDESK_DB_USER", "TUTORDESK_DB_PASSWORD", "SPRING_MAIL_HOST");
            Map<String, Object> healthcheck = (Map<String, Object>) services.get(node).get("healthcheck");
            assertThat(String.join(" ", (List<String>) healthcheck.get("test"))).contains("/actuator/health/readiness");
            Map<String, Object> build = (Map<String, Object>) services.get(node).get("build");
            assertThat(Path.of("docker").resolve((String) build.get("context")).resolve((String) build.get("dockerfile"))
                    .normalize()).exists();
        }
        assertThat((List<String>) services.get("nginx").get("volumes")).anyMatch(v -> v.startsWith("./nginx.conf:"));
    }

    @Test
    void nginx_keeps_a_browser_on_the_node_named_in_the_apps_cookie_not_on_the_session_id() throws IOException {
        String conf = Files.readString(NGINX);
        assertThat(conf).contains("map $cookie_tutordesk_node")
                .containsPattern("app1\\s+app1;").containsPattern("app2\\s+app2;")
                .containsPattern("server app2:8080 backup;").containsPattern("server app1:8080 backup;")
                .contains("proxy_set_header Upgrade $http_upgrade;").contains("proxy_read_timeout");
        String directives = conf.lines().filter(line -> !line.strip().startsWith("#"))
                .collect(java.util.stream.Collectors.joining("\n"));
        assertThat(directives).doesNotContain("$cookie_JSESSIONID").doesNotContain("ip_hash");
        // The cookie nginx reads is the one the app writes.
        assertThat(Files.readString(Path.of("src/main/java/com/tutordesk/shell/NodeRouteCookie.java")))
                .contains("NAME = \"tutordesk_node\"");
    }

    @Test
    void the_image_is_a_layered_jar_run_as_non_root_and_built_without_compiling_tests() throws IOException {
        String dockerfile = Files.readString(DOCKERFILE);
        assertThat(dockerfile).contains("-Dmaven.test.skip=true").contains("extract --layers --launcher")
                .contains("COPY src/main src/main").doesNotContain("COPY src src")
                .containsPattern("(?m)^USER \\d+$")
                .contains("org.springframework.boot.loader.launch.JarLauncher");
        assertThat(Files.readString(Path.of("docker", "Dockerfile.dockerignore"))).contains("!src/main/")
                .doesNotContain("!src/\n");
    }

    @Test
    void the_compose_tool_accepts_the_file_when_one_is_installed() throws Exception {
        Optional<List<String>> compose = commandWorks(List.of("docker", "compose", "version"))
                ? Optional.of(List.of("docker", "compose"))
                : commandWorks(List.of("docker-compose", "version")) ? Optional.of(List.of("docker-compose")) : Optional.empty();
        assumeTrue(compose.isPresent(), "neither docker compose nor docker-compose is installed here");
        List<String> command = new java.util.ArrayList<>(compose.get());
        command.addAll(List.of("-f", COMPOSE.toString(), "config", "--quiet"));
        Process config = new ProcessBuilder(command).redirectErrorStream(true).start();
        assertThat(config.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(config.exitValue()).as(new String(config.getInputStream().readAllBytes())).isZero();
    }

    @Test
    void nginx_accepts_its_configuration_when_it_is_installed() throws Exception {
        Path nginx = Path.of("/usr/sbin/nginx");
        assumeTrue(Files.isExecutable(nginx), "nginx is not installed here");
        // The node names resolve only inside compose's network; point them at this machine to check the syntax.
        Path dir = Files.createDirectories(Path.of("target", "nginx-check"));
        Path conf = dir.resolve("nginx.conf");
        Files.writeString(conf, Files.readString(NGINX).replace("app1:8080", "127.0.0.1:18081")
                .replace("app2:8080", "127.0.0.1:18082").replace("listen 80;", "listen 127.0.0.1:18080;"));
        Process check = new ProcessBuilder(nginx.toString(), "-t", "-q", "-p", dir.toAbsolutePath().toString(),
                "-c", conf.toAbsolutePath().toString(), "-g", "pid " + dir.toAbsolutePath().resolve("nginx.pid")
                + "; error_log " + dir.toAbsolutePath().resolve("error.log") + ";")
                .redirectErrorStream(true).start();
        assertThat(check.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(check.exitValue()).as(new String(check.getInputStream().readAllBytes())).isZero();
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
