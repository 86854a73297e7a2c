package com.tutordesk.shared;

import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.micrometer.metrics.autoconfigure.MeterRegistryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * This instance's {@link NodeIdentity}, from {@code tutordesk.node.name} and {@code server.port}; every
 * metric carries it as the tag {@code node}, so that two nodes' series stay apart.
 */
@Configuration(proxyBeanMethods = false)
class NodeConfiguration {

    @Bean
    NodeIdentity nodeIdentity(@Value("${tutordesk.node.name:}") String name, @Value("${server.port:8080}") int port) {
        return NodeIdentity.of(name, port);
    }

    @Bean
    MeterRegistryCustomizer<MeterRegistry> nodeTag(NodeIdentity node) {
        return registry -> registry.config().commonTags("node", node.name());
    }
}
