package org.dmpgateway.server.messaging;

import org.dmpgateway.mappings.xds.xdm.XdmArchive;
import org.dmpgateway.model.messaging.XdmReader;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The secure messaging's translation of an {@code IHE_XDM.ZIP} attachment (module mappings, IPF's
 * ebXML model) handed to the core, which saves its documents into the record (docs/messaging.md).
 */
@Configuration(proxyBeanMethods = false)
public class MessagingConfiguration {

    @Bean
    public XdmReader xdmReader() {
        return new XdmArchive();
    }
}
