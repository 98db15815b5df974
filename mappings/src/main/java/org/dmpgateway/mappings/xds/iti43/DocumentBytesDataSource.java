package org.dmpgateway.mappings.xds.iti43;

import jakarta.activation.DataSource;
import org.dmpgateway.model.DocumentBytes;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/**
 * A document's bytes as the DataSource of an MTOM attachment: CXF reads the stream while it writes
 * the answer, so a stored document goes from the database to the client without a whole copy in
 * memory (ITI-43).
 */
public final class DocumentBytesDataSource implements DataSource {
    private final DocumentBytes bytes;
    private final String contentType;

    public DocumentBytesDataSource(DocumentBytes bytes, String contentType) {
        this.bytes = bytes;
        this.contentType = contentType;
    }

    @Override
    public InputStream getInputStream() throws IOException {
        return bytes.open();
    }

    @Override
    public OutputStream getOutputStream() throws IOException {
        throw new IOException("a stored document is read only");
    }

    @Override
    public String getContentType() {
        return contentType;
    }

    @Override
    public String getName() {
        return "document";
    }
}
