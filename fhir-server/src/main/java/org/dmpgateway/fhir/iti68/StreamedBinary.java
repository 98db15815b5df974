package org.dmpgateway.fhir.iti68;

import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Pointcut;
import ca.uhn.fhir.rest.api.Constants;
import ca.uhn.fhir.rest.api.EncodingEnum;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.server.RestfulServerUtils;
import jakarta.servlet.http.HttpServletResponse;
import org.dmpgateway.model.query.RetrieveResult;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Objects;

/**
 * ITI-68 answered as raw bytes, streamed from the database to the client: HAPI writes a Binary's
 * raw content from a byte array, which would hold the whole document in memory. When the answer is
 * the raw content (HAPI's own rule: no FHIR format asked for, or the document's MIME type asked
 * for), {@link BinaryProvider} leaves the document here and this hook writes it, with the headers
 * HAPI gives a raw Binary (Content-Type, Content-Length, {@code Content-Disposition: Attachment;}),
 * and tells HAPI the answer is written. A Binary resource (base64 in FHIR JSON or XML) is built
 * whole by HAPI: that form is bounded by {@code dmp.limits.retrieve-bytes} (docs/security.md).
 */
public final class StreamedBinary {
    private static final String DOCUMENT = StreamedBinary.class.getName() + ".document";
    private static final int BUFFER_BYTES = 64 * 1024;

    /** Whether this read is answered with the raw content (the rule of HAPI's RestfulServerUtils). */
    static boolean wantsRawContent(RequestDetails request, String mimeType) {
        RestfulServerUtils.ResponseEncoding encoding = RestfulServerUtils.determineResponseEncodingNoDefault(request,
                request.getServer().getDefaultResponseEncoding());
        if (encoding == null) {
            return true;
        }
        if (mimeType == null || mimeType.isBlank()) {
            return Constants.CT_OCTET_STREAM.equals(encoding.getContentType());
        }
        return mimeType.equalsIgnoreCase(encoding.getContentType())
                || Objects.equals(EncodingEnum.forContentType(mimeType), encoding.getEncoding());
    }

    /** Leaves the document to be streamed when the answer is written. */
    static void defer(RequestDetails request, RetrieveResult.Retrieved document) {
        request.getUserData().put(DOCUMENT, document);
    }

    @Hook(Pointcut.SERVER_OUTGOING_RESPONSE)
    public boolean writeRawContent(RequestDetails request, HttpServletResponse response) throws IOException {
        if (!(request.getUserData().get(DOCUMENT) instanceof RetrieveResult.Retrieved document)) {
            return true;
        }
        response.setStatus(200);
        response.setContentType(document.mimeType() == null || document.mimeType().isBlank()
                ? Constants.CT_OCTET_STREAM : document.mimeType());
        response.setContentLengthLong(document.size());
        response.addHeader(Constants.HEADER_CONTENT_DISPOSITION, "Attachment;");
        try (InputStream in = document.content().open()) {
            OutputStream out = response.getOutputStream();
            in.transferTo(out);
            out.flush();
        }
        return false;
    }
}
