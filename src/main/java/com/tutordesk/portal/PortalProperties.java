package com.tutordesk.portal;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param publicUrl the app's address as families reach it, for the invitation link in emails
 *                  ({@code TUTORDESK_PUBLIC_URL}; never the request's Host header), without a trailing slash
 */
@ConfigurationProperties("tutordesk.portal")
public record PortalProperties(@DefaultValue("http://localhost:8080") String publicUrl) {

    public PortalProperties {
        publicUrl = publicUrl == null || publicUrl.isBlank() ? "http://localhost:8080" : publicUrl.strip();
        while (publicUrl.endsWith("/")) {
            publicUrl = publicUrl.substring(0, publicUrl.length() - 1);
        }
    }
}
