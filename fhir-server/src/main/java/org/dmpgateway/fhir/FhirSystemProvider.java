package org.dmpgateway.fhir;

/**
 * Marks a HAPI plain provider of system-level interactions (for example the ITI-65 transaction at
 * {@code POST /fhir}); {@link DmpFhirServer} registers every Spring bean that implements it, as it
 * registers every {@link ca.uhn.fhir.rest.server.IResourceProvider} bean.
 */
public interface FhirSystemProvider {
}
