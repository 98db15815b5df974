package org.dmpgateway.server.profile;

import ca.uhn.fhir.context.FhirContext;
import org.dmpgateway.mappings.fhir.profile.MeasureBundle;
import org.dmpgateway.mappings.fhir.profile.ProfileResources;
import org.dmpgateway.model.profile.ProfileCodec;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The medical profile's FHIR translations (module mappings, HAPI FHIR) handed to the core (how an
 * entry is stored: {@link ProfileCodec}) and to the patient portal (the ANS measures feed), on the
 * server's one FhirContext.
 */
@Configuration(proxyBeanMethods = false)
public class ProfileConfiguration {

    @Bean
    public ProfileCodec profileCodec(FhirContext fhirContext) {
        return new ProfileResources(fhirContext);
    }

    @Bean
    public MeasureBundle measureBundle(FhirContext fhirContext) {
        return new MeasureBundle(fhirContext);
    }
}
