package org.dmpgateway.mappings.fhir.common;

/** URLs and systems of IHE MHD 4.2 and of the French PDSm profile used by the mappings. */
public final class MhdUrls {
    /** Identifier system of a URI value (urn:oid:..., urn:uuid:...). */
    public static final String URI_SYSTEM = "urn:ietf:rfc:3986";
    /** Code system of List.code (submissionset, folder). */
    public static final String LIST_TYPES = "https://profiles.ihe.net/ITI/MHD/CodeSystem/MHDlistTypes";
    public static final String EXT_SOURCE_ID = "https://profiles.ihe.net/ITI/MHD/StructureDefinition/ihe-sourceId";
    public static final String EXT_DESIGNATION_TYPE = "https://profiles.ihe.net/ITI/MHD/StructureDefinition/ihe-designationType";
    public static final String EXT_INTENDED_RECIPIENT = "https://profiles.ihe.net/ITI/MHD/StructureDefinition/ihe-intendedRecipient";
    public static final String EXT_AUTHOR_ORG = "https://profiles.ihe.net/ITI/MHD/StructureDefinition/ihe-authorOrg";
    /** PDSm: a document (or List) is archived; with status current it is the CI-SIS Archived status. */
    public static final String EXT_IS_ARCHIVED = "https://interop.esante.gouv.fr/ig/fhir/pdsm/StructureDefinition/pdsm-ext-is-archived";
    /** The profiles the answers claim in meta.profile (MHD 4.2.3), so that a client may validate them. */
    public static final String PROFILE_DOCUMENT_REFERENCE =
            "https://profiles.ihe.net/ITI/MHD/StructureDefinition/IHE.MHD.Comprehensive.DocumentReference";
    public static final String PROFILE_SUBMISSION_SET =
            "https://profiles.ihe.net/ITI/MHD/StructureDefinition/IHE.MHD.Comprehensive.SubmissionSet";
    public static final String PROFILE_FOLDER = "https://profiles.ihe.net/ITI/MHD/StructureDefinition/IHE.MHD.Comprehensive.Folder";
    public static final String PROFILE_PROVIDE_BUNDLE_RESPONSE =
            "https://profiles.ihe.net/ITI/MHD/StructureDefinition/IHE.MHD.ProvideDocumentBundleResponse";
    /** Identifier.type.text of the logical id identifier of a DocumentReference (see DocumentReferenceIds). */
    public static final String LOGICAL_ID_TYPE = "logicalId";

    private MhdUrls() {
    }
}
