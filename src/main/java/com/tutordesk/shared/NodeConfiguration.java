package com.tutordesk.shared;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** This instance's {@link NodeIdentity}, from {@code tutordesk.node.name} and {@code server.port}. */
@Configuration(proxyBeanMethods = false)
class NodeConfiguration {

    @Bean
    NodeIdentity nodeIdentity(@Value("${tutordesk.node.name:}") String name, @Value("${server.port:8080}") int port) {
        return NodeIdentity.of(name, port);
    }
}
