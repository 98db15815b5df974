package org.dmpgateway.mappings.xds.xdm;

import org.dmpgateway.model.error.DmpErrorCode;
import org.dmpgateway.model.error.DmpException;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The refusals of a bad IHE XDM archive, each naming what is wrong (the archive read whole: server e2e). */
class XdmArchiveTest {
    private static final long LIMIT = 1024 * 1024;

    private static byte[] zip(Map<String, String> files) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            for (Map.Entry<String, String> f : files.entrySet()) {
                zip.putNextEntry(new ZipEntry(f.getKey()));
                zip.write(f.getValue().getBytes(StandardCharsets.UTF_8));
            }
        }
        return out.toByteArray();
    }

    private static String refusal(byte[] archive, long limit) {
        DmpException e = assertThrows(DmpException.class, () -> new XdmArchive().read(archive, limit));
        assertEquals(DmpErrorCode.METADATA_ERROR, e.code());
        return e.getMessage();
    }

    @Test
    void notAZipIsRefused() {
        assertTrue(refusal("%PDF-1.4".getBytes(StandardCharsets.US_ASCII), LIMIT).contains("not a ZIP archive"));
    }

    @Test
    void anArchiveWithoutOrWithSeveralSubmissionSetsIsRefused() throws IOException {
        assertTrue(refusal(zip(Map.of("INDEX.HTM", "<html/>")), LIMIT).contains("found 0"));
        Map<String, String> two = new LinkedHashMap<>();
        two.put("IHE_XDM/SUBSET01/METADATA.XML", "<x/>");
        two.put("IHE_XDM/SUBSET02/METADATA.XML", "<x/>");
        assertTrue(refusal(zip(two), LIMIT).contains("found 2"));
    }

    @Test
    void unreadableOrEmptyMetadataIsRefused() throws IOException {
        assertTrue(refusal(zip(Map.of("IHE_XDM/SUBSET01/METADATA.XML", "pas du XML")), LIMIT)
                .contains("not a readable ebXML 3.0 SubmitObjectsRequest"));
        assertTrue(refusal(zip(Map.of("IHE_XDM/SUBSET01/METADATA.XML", "<SubmitObjectsRequest/>")), LIMIT)
                .contains("exactly one SubmissionSet"));
    }

    @Test
    void anExternalEntityIsNotRead() throws IOException {
        String xxe = "<?xml version=\"1.0\"?><!DOCTYPE r [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
                + "<SubmitObjectsRequest>&x;</SubmitObjectsRequest>";
        String message = refusal(zip(Map.of("IHE_XDM/SUBSET01/METADATA.XML", xxe)), LIMIT);
        assertTrue(!message.contains("root:"), message);
    }

    @Test
    void anArchiveLargerThanTheLimitOnceUncompressedIsRefused() throws IOException {
        assertTrue(refusal(zip(Map.of("IHE_XDM/SUBSET01/DOC0001.TXT", "x".repeat(5000))), 1000)
                .contains("more than 1000 bytes"));
    }
}
