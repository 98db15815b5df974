package org.dmpgateway.mappings.xds.error;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The ebRIM classification and identification schemes of XDS (IHE ITI TF-3 4.2.5) with the
 * metadata field each one carries, so that an error about "scheme urn:uuid:41a5887f-..." can say
 * "DocumentEntry.classCode".
 */
public final class XdsFieldNames {
    private static final Map<String, String> FIELDS = new LinkedHashMap<>();

    static {
        FIELDS.put("urn:uuid:93606bcf-9494-43ec-9b4e-a7748d1a838d", "DocumentEntry.author");
        FIELDS.put("urn:uuid:41a5887f-8865-4c09-adf7-e362475b143a", "DocumentEntry.classCode");
        FIELDS.put("urn:uuid:f4f85eac-e6cb-4883-b524-f2705394840f", "DocumentEntry.confidentialityCode");
        FIELDS.put("urn:uuid:2c6b8cb7-8b2a-4051-b291-b1ae6a575ef4", "DocumentEntry.eventCodeList");
        FIELDS.put("urn:uuid:a09d5840-386c-46f2-b5ad-9c3699a4309d", "DocumentEntry.formatCode");
        FIELDS.put("urn:uuid:f33fb8ac-18af-42cc-ae0e-ed0b0bdb91e1", "DocumentEntry.healthcareFacilityTypeCode");
        FIELDS.put("urn:uuid:cccf5598-8b07-4b77-a05e-ae952c785ead", "DocumentEntry.practiceSettingCode");
        FIELDS.put("urn:uuid:f0306f51-975f-434e-a61c-c59651d33983", "DocumentEntry.typeCode");
        FIELDS.put("urn:uuid:58a6f841-87b3-4a3e-92fd-a8ffeff98427", "DocumentEntry.patientId");
        FIELDS.put("urn:uuid:2e82c1f6-a085-4c72-9da3-8640a32e42ab", "DocumentEntry.uniqueId");
        FIELDS.put("urn:uuid:7edca82f-054d-47f2-a032-9b2a5b5186c1", "DocumentEntry.objectType (stable)");
        FIELDS.put("urn:uuid:34268e47-fdf5-41a6-ba33-82133c465248", "DocumentEntry.objectType (on-demand)");
        FIELDS.put("urn:uuid:a7058bb9-b4e4-4307-ba5b-e3f0ab85e12d", "SubmissionSet.author");
        FIELDS.put("urn:uuid:aa543740-bdda-424e-8c96-df4873be8500", "SubmissionSet.contentTypeCode");
        FIELDS.put("urn:uuid:6b5aea1a-874d-4603-a4bc-96a0a7b38446", "SubmissionSet.patientId");
        FIELDS.put("urn:uuid:554ac39e-e3fe-47fe-b233-965d2a147832", "SubmissionSet.sourceId");
        FIELDS.put("urn:uuid:96fdda7c-d067-4183-912e-bf5ee74998a8", "SubmissionSet.uniqueId");
        FIELDS.put("urn:uuid:a54d6aa5-d40d-43f9-88c5-b4633d873bdd", "SubmissionSet (classification node)");
        FIELDS.put("urn:uuid:1ba97051-7806-41a8-a48b-8fce7af683c5", "Folder.codeList");
        FIELDS.put("urn:uuid:f64ffdf0-4b97-4e06-b79f-a52b38ec2f8a", "Folder.patientId");
        FIELDS.put("urn:uuid:75df8f67-9973-4fbe-a900-df66cefecc5a", "Folder.uniqueId");
        FIELDS.put("urn:uuid:d9d542f3-6cc4-48b6-8870-ea235fbc94c2", "Folder (classification node)");
    }

    private XdsFieldNames() {
    }

    /** The message with each known scheme followed by its field name: "urn:uuid:41a5... (DocumentEntry.classCode)". */
    public static String annotate(String message) {
        if (message == null) {
            return null;
        }
        String out = message;
        for (Map.Entry<String, String> f : FIELDS.entrySet()) {
            out = out.replace(f.getKey(), f.getKey() + " (" + f.getValue() + ")");
        }
        return out;
    }
}
