package com.tutordesk.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** Node names are unique per host and port and fit db-scheduler's picked_by column. */
class NodeIdentityTest {

    @Test
    void the_default_name_is_host_and_port_or_the_process_for_a_random_port() {
        assertThat(NodeIdentity.defaultName("web-3", 8080, 77)).isEqualTo("web-3:8080");
        assertThat(NodeIdentity.defaultName("web-3", 0, 77)).isEqualTo("web-3:pid77");
    }

    @Test
    void a_long_host_name_is_cut_so_that_the_port_still_tells_two_nodes_apart() {
        String host = "a-very-long-host-name-from-a-container-orchestrator-abcdef.internal";
        assertThat(NodeIdentity.defaultName(host, 8081, 1)).hasSize(NodeIdentity.MAX_LENGTH).endsWith(":8081");
        assertThat(NodeIdentity.defaultName(host, 8081, 1)).isNotEqualTo(NodeIdentity.defaultName(host, 8082, 1));
    }

    @Test
    void a_configured_name_wins_and_must_be_usable_in_a_cookie_and_a_column() {
        assertThat(NodeIdentity.of(" app1 ", 8080).name()).isEqualTo("app1");
        assertThat(NodeIdentity.of("app1", 8080).bootId()).matches("[0-9a-f]{8}");
        assertThatThrownBy(() -> NodeIdentity.of("app 1;", 8080)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("tutordesk.node.name");
    }
}
