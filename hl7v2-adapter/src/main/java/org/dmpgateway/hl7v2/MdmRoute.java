package org.dmpgateway.hl7v2;

import org.apache.camel.builder.RouteBuilder;
import org.dmpgateway.config.DmpProperties;
import org.springframework.stereotype.Component;

/**
 * The HL7v2 route: the MLLP endpoint on {@code dmp.hl7v2.host}:{@code dmp.hl7v2.port}, when
 * {@code dmp.hl7v2.enabled}, hands each message to {@link MdmProcessor}, whose body is the acknowledgement.
 */
@Component
public class MdmRoute extends RouteBuilder {
    private final DmpProperties.Hl7v2 hl7v2;
    private final MdmProcessor processor;

    public MdmRoute(DmpProperties.Hl7v2 hl7v2, MdmProcessor processor) {
        this.hl7v2 = hl7v2;
        this.processor = processor;
    }

    @Override
    public void configure() {
        if (!hl7v2.enabled()) {
            return;
        }
        from(Hl7v2Listener.COMPONENT + "://" + hl7v2.host() + ":" + hl7v2.port() + "?audit=false").routeId("hl7v2-mdm")
                .process(processor);
    }
}
