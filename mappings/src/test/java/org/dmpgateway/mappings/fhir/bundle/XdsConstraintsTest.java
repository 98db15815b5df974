package org.dmpgateway.mappings.fhir.bundle;

import org.dmpgateway.model.error.DmpErrorCode;
import org.dmpgateway.model.error.DmpException;
import org.dmpgateway.model.Submission;
import org.dmpgateway.mappings.xds.iti41.XdsSubmissionMapper;
import org.junit.jupiter.api.Test;
import org.openehealth.ipf.commons.ihe.xds.core.SampleData;
import org.openehealth.ipf.commons.ihe.xds.core.requests.ProvideAndRegisterDocumentSet;

import static org.junit.jupiter.api.Assertions.*;

class XdsConstraintsTest {

    @Test
    void aSubmissionValidForXdsPasses() {
        Submission s = XdsSubmissionMapper.toSubmission(SampleData.createProvideAndRegisterDocumentSet());
        assertSame(s, XdsConstraints.require(s));
    }

    @Test
    void whatXdsConsumersCannotReadIsRefusedNamingTheXdsAttribute() {
        ProvideAndRegisterDocumentSet pnr = SampleData.createProvideAndRegisterDocumentSet();
        pnr.getDocuments().get(0).getDocumentEntry().setLanguageCode(null);
        Submission s = XdsSubmissionMapper.toSubmission(pnr);
        DmpException e = assertThrows(DmpException.class, () -> XdsConstraints.require(s));
        assertEquals(DmpErrorCode.METADATA_ERROR, e.code());
        assertTrue(e.getMessage().contains("languageCode"), e.getMessage());

        ProvideAndRegisterDocumentSet noClass = SampleData.createProvideAndRegisterDocumentSet();
        noClass.getDocuments().get(0).getDocumentEntry().setClassCode(null);
        DmpException e2 = assertThrows(DmpException.class,
                () -> XdsConstraints.require(XdsSubmissionMapper.toSubmission(noClass)));
        assertTrue(e2.getMessage().contains("(DocumentEntry.classCode)"), e2.getMessage());
    }
}
