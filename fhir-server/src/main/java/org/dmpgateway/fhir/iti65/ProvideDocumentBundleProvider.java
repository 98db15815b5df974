package org.dmpgateway.fhir.iti65;

import ca.uhn.fhir.rest.annotation.Transaction;
import ca.uhn.fhir.rest.annotation.TransactionParam;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import org.dmpgateway.config.DmpProperties;
import org.dmpgateway.fhir.FhirSystemProvider;
import org.dmpgateway.model.Core;
import org.dmpgateway.fhir.error.FhirRefusal;
import org.dmpgateway.fhir.identity.BearerTokenInterceptor;
import org.dmpgateway.model.access.AccessContext;
import org.dmpgateway.model.error.DmpErrorCode;
import org.dmpgateway.mappings.fhir.bundle.ProvideBundleMapper;
import org.dmpgateway.mappings.fhir.bundle.ProvideBundleResponseMapper;
import org.dmpgateway.model.Submission;
import org.dmpgateway.model.limits.Limits;
import org.hl7.fhir.r4.model.Bundle;
import org.springframework.stereotype.Component;

/**
 * ITI-65 Provide Document Bundle ({@code POST /fhir} with a transaction Bundle; MHD Document
 * Recipient, PDSm "lot de soumission", PDSM4DMP TD2.1/TD2.2): the Bundle becomes the core's
 * {@link Submission} ({@link ProvideBundleMapper}), the core stores it all or nothing
 * (SUBMIT_DOCUMENTS, the same route as ITI-41, so the same rules), and the answer is the
 * transaction-response Bundle (201 per entry). A replacement (relatesTo replaces, and the PDSM4DMP
 * PATCH entry that sets the old document superseded) is an RPLC association: the core deprecates the
 * replaced document. A refusal is an OperationOutcome with the status of the core's code; nothing is
 * stored. A Bundle that is not a transaction (a batch, a collection...) is refused 400 naming Bundle.type.
 * A Bundle of more than {@code dmp.limits.bundle-entries} entries is refused 413 (LIMIT_EXCEEDED)
 * before any entry is read; its bytes were already bounded by {@code dmp.limits.request-bytes}.
 */
@Component
public class ProvideDocumentBundleProvider implements FhirSystemProvider {
    private final Core core;
    private final int maxEntries;

    public ProvideDocumentBundleProvider(Core core, DmpProperties.Limits limits) {
        this.core = core;
        this.maxEntries = limits.bundleEntries();
    }

    @Transaction
    public Bundle provideDocumentBundle(@TransactionParam Bundle bundle, RequestDetails request) {
        AccessContext caller = BearerTokenInterceptor.caller(request);
        if (bundle == null || bundle.getType() != Bundle.BundleType.TRANSACTION) {
            throw FhirRefusal.of(DmpErrorCode.METADATA_ERROR, "Bundle.type: a Provide Document Bundle (ITI-65) is a "
                    + "transaction, got " + (bundle == null || !bundle.hasType() ? "none" : bundle.getType().toCode()),
                    "Bundle.type");
        }
        if (bundle.getEntry().size() > maxEntries) {
            throw FhirRefusal.of(Limits.exceeded("the Bundle (" + bundle.getEntry().size() + " entries)", "entries",
                    maxEntries, Limits.BUNDLE_ENTRIES, "Bundle.entry"));
        }
        Submission submission = ProvideBundleMapper.toSubmission(bundle);
        Submission stored = core.submit(submission, caller);
        return ProvideBundleResponseMapper.toResponse(bundle, stored);
    }
}
