package org.dmpgateway.portal;

import org.dmpgateway.model.DocumentContent;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

import java.io.InputStream;

/** A document's content as the patient gets it (API and pages): streamed, its MIME type, never cached. */
final class DocumentDownload {
    private DocumentDownload() {
    }

    /** The answer; {@code disposition} (a Content-Disposition value) or null for none. */
    static ResponseEntity<StreamingResponseBody> of(DocumentContent content, String disposition) {
        MediaType type = content.mimeType() == null ? MediaType.APPLICATION_OCTET_STREAM
                : MediaType.parseMediaType(content.mimeType());
        StreamingResponseBody body = out -> {
            try (InputStream in = content.bytes().open()) {
                in.transferTo(out);
            }
        };
        ResponseEntity.BodyBuilder answer = ResponseEntity.ok().contentType(type).contentLength(content.size())
                .header(HttpHeaders.CACHE_CONTROL, "no-store");
        if (disposition != null) {
            answer.header(HttpHeaders.CONTENT_DISPOSITION, disposition);
        }
        return answer.body(body);
    }
}
