package org.dmpgateway.hl7v2;

import ca.uhn.hl7v2.ErrorCode;
import ca.uhn.hl7v2.HapiContext;
import ca.uhn.hl7v2.Version;
import ca.uhn.hl7v2.util.idgenerator.NanoTimeGenerator;
import org.apache.camel.component.hl7.HL7MLLPNettyDecoderFactory;
import org.apache.camel.component.hl7.HL7MLLPNettyEncoderFactory;
import org.dmpgateway.config.DmpProperties;
import org.openehealth.ipf.commons.ihe.core.atna.NoAuditStrategy;
import org.openehealth.ipf.commons.ihe.hl7v2.Hl7v2TransactionConfiguration;
import org.openehealth.ipf.commons.ihe.hl7v2.audit.MllpAuditDataset;
import org.openehealth.ipf.commons.ihe.hl7v2.definitions.HapiContextFactory;
import org.openehealth.ipf.platform.camel.ihe.mllp.core.MllpComponent;
import org.openehealth.ipf.platform.camel.ihe.mllp.custom.CustomMllpComponent;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.nio.charset.StandardCharsets;

/**
 * The MLLP listener of the HL7v2 messages (docs/hl7v2.md): IPF's generic MLLP component
 * ({@link CustomMllpComponent}, Camel over Netty) with a transaction configuration of its own, as IPF's
 * {@code custom/mdm.xml} test declares one. It accepts MDM T02, T10 and T04 in HL7 v2.5 and v2.6 (the
 * guide's MDM is v2.6) and answers ACK; IPF itself refuses (AR) another message type, event or version
 * (HL7 table 0357: 200, 201, 203). HAPI parses every version with its v2.5 structures (the guide's v2.6
 * MDM_T02 has the same segments), so that no v2.6 structure library is needed. No ATNA audit: the core
 * traces every action in the record's history.
 */
@Configuration(proxyBeanMethods = false)
public class Hl7v2Listener {
    /** The Camel component name of the listener's endpoint URI ({@code dmp-mdm://host:port}). */
    public static final String COMPONENT = "dmp-mdm";

    @Bean(COMPONENT)
    public CustomMllpComponent<MllpAuditDataset> dmpMdmComponent(DmpProperties.Hl7v2 hl7v2) {
        CustomMllpComponent<MllpAuditDataset> component = new CustomMllpComponent<>();
        component.setTransactionConfiguration(transaction(hl7v2));
        return component;
    }

    /**
     * The MLLP frame decoder the IPF component looks up by name ({@code hl7decoder}); UTF-8, the charset of the
     * guide's examples (MSH-18 {@code UNICODE UTF-8}); HAPI objects, not strings, go to the route.
     */
    @Bean(MllpComponent.DEFAULT_HL7_DECODER_FACTORY_BEAN_NAME)
    public HL7MLLPNettyDecoderFactory hl7decoder() {
        HL7MLLPNettyDecoderFactory decoder = new HL7MLLPNettyDecoderFactory();
        decoder.setCharset(StandardCharsets.UTF_8.name());
        decoder.setProduceString(false);
        decoder.setConvertLFtoCR(true);
        return decoder;
    }

    /** The MLLP frame encoder ({@code hl7encoder}) of the acknowledgements, UTF-8. */
    @Bean(MllpComponent.DEFAULT_HL7_ENCODER_FACTORY_BEAN_NAME)
    public HL7MLLPNettyEncoderFactory hl7encoder() {
        HL7MLLPNettyEncoderFactory encoder = new HL7MLLPNettyEncoderFactory();
        encoder.setCharset(StandardCharsets.UTF_8.name());
        return encoder;
    }

    static Hl7v2TransactionConfiguration<MllpAuditDataset> transaction(DmpProperties.Hl7v2 hl7v2) {
        return new Hl7v2TransactionConfiguration<>(
                "dmp-mdm",
                "ANS transmission de documents CDA en HL7v2 (MDM)",
                false,
                new NoAuditStrategy<>(false),
                new NoAuditStrategy<>(true),
                new Version[] {Version.V26, Version.V25, Version.V251},
                hl7v2.application(),
                hl7v2.facility(),
                ErrorCode.APPLICATION_INTERNAL_ERROR,
                ErrorCode.APPLICATION_INTERNAL_ERROR,
                new String[] {"MDM"},
                new String[] {"T02 T04 T10"},
                new String[] {"ACK"},
                new String[] {"*"},
                new boolean[] {false},
                new boolean[] {false},
                hapiContext());
    }

    /**
     * HAPI's context of the listener: v2.5 structures for every version ({@link V25Structures}); the control ids
     * of the acknowledgements (MSH-10) from the clock's nanoseconds, not IPF's default file-based generator, which
     * would write an {@code id_file} into the server's working directory.
     */
    static HapiContext hapiContext() {
        HapiContext context = HapiContextFactory.createHapiContext(new V25Structures());
        context.getParserConfiguration().setIdGenerator(new NanoTimeGenerator());
        return context;
    }
}
