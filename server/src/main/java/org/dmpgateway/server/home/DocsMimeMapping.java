package org.dmpgateway.server.home;

import org.springframework.boot.web.server.MimeMappings;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.web.servlet.server.ConfigurableServletWebServerFactory;
import org.springframework.stereotype.Component;

/** The Markdown documentation under /docs/ is shown by browsers as text, not downloaded. */
@Component
public class DocsMimeMapping implements WebServerFactoryCustomizer<ConfigurableServletWebServerFactory> {
    @Override
    public void customize(ConfigurableServletWebServerFactory factory) {
        MimeMappings mappings = new MimeMappings(MimeMappings.DEFAULT);
        mappings.add("md", "text/plain;charset=UTF-8");
        factory.setMimeMappings(mappings);
    }
}
