package org.dmpgateway.mappings.fhir.bundle;

import org.dmpgateway.model.error.DmpErrorCode;
import org.dmpgateway.model.error.DmpException;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CanonicalType;

import java.util.List;
import java.util.Map;

/**
 * The profile an ITI-65 Provide Document Bundle declares in {@code Bundle.meta.profile}: MHD 4.2.3
 * (ITI-65 Message Semantics, 2:3.65.4.1.2) requires the Document Source to declare the Minimal, Comprehensive or
 * UnContained Comprehensive ProvideBundle profile it conforms to; the ANS PDSm profile of the DMP's
 * examples (PDSM4DMP TD2.1 / TD2.2, PDSm 3.1.1) is accepted as a Comprehensive one. A bundle that
 * declares none of them is refused METADATA_ERROR naming {@code Bundle.meta.profile}. A canonical may
 * carry its version ({@code url|4.2.3}).
 */
public final class ProvideBundleProfiles {
    public static final String MHD_COMPREHENSIVE = "https://profiles.ihe.net/ITI/MHD/StructureDefinition/IHE.MHD.Comprehensive.ProvideBundle";
    public static final String MHD_MINIMAL = "https://profiles.ihe.net/ITI/MHD/StructureDefinition/IHE.MHD.Minimal.ProvideBundle";
    public static final String MHD_UNCONTAINED = "https://profiles.ihe.net/ITI/MHD/StructureDefinition/IHE.MHD.UnContained.Comprehensive.ProvideBundle";
    public static final String PDSM_COMPREHENSIVE = "https://interop.esante.gouv.fr/ig/fhir/pdsm/StructureDefinition/pdsm-comprehensive-provide-document-bundle";

    /** Each accepted profile: true when it is a Comprehensive one (every DocumentReference has its sourcePatientInfo). */
    private static final Map<String, Boolean> COMPREHENSIVE = Map.of(
            MHD_COMPREHENSIVE, true, MHD_UNCONTAINED, true, PDSM_COMPREHENSIVE, true, MHD_MINIMAL, false);
    private static final List<String> ACCEPTED = List.of(MHD_COMPREHENSIVE, MHD_MINIMAL, MHD_UNCONTAINED, PDSM_COMPREHENSIVE);

    private ProvideBundleProfiles() {
    }

    /**
     * True when the bundle declares a Comprehensive profile, false for the Minimal one.
     *
     * @throws DmpException METADATA_ERROR naming Bundle.meta.profile when none of the accepted profiles is declared
     */
    public static boolean comprehensive(Bundle bundle) {
        boolean minimal = false;
        for (CanonicalType c : bundle.getMeta().getProfile()) {
            String url = c.getValue() == null ? "" : c.getValue().split("\\|", 2)[0];
            Boolean comprehensive = COMPREHENSIVE.get(url);
            if (Boolean.TRUE.equals(comprehensive)) {
                return true;
            }
            minimal |= comprehensive != null;
        }
        if (minimal) {
            return false;
        }
        String got = bundle.getMeta().getProfile().isEmpty() ? "none"
                : String.join(", ", bundle.getMeta().getProfile().stream().map(CanonicalType::getValue).toList());
        throw new DmpException(DmpErrorCode.METADATA_ERROR, "Bundle.meta.profile: a Provide Document Bundle (ITI-65) "
                + "declares the profile it conforms to (IHE MHD 4.2.3, ITI-65 Message Semantics 2:3.65.4.1.2), one of "
                + String.join(", ", ACCEPTED) + "; got " + got, "Bundle.meta.profile");
    }
}
