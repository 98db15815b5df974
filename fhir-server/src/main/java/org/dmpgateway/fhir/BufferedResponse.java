package org.dmpgateway.fhir;

import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;

import java.io.FilterWriter;
import java.io.IOException;
import java.io.PrintWriter;

/**
 * The servlet response the FHIR server writes to, whose writer and stream leave the sending to the
 * servlet container: their {@code flush()} does nothing, so the container sends its buffer when it is
 * full (the response buffer, 8 KB in Tomcat by default) and when the answer ends, and an answer that fits
 * in the buffer goes out in one write with its Content-Length.
 *
 * <p>Why: HAPI's JSON writer writes each string value through Jackson's {@code ObjectMapper}, which
 * flushes its generator after every value ({@code SerializationFeature.FLUSH_AFTER_WRITE_VALUE}); the
 * flush reaches the response writer, and each flush of a servlet response sends an HTTP chunk on the
 * socket. A DocumentReference went out as dozens of chunks, a page of 100 as thousands, each one a
 * system call (docs/performance.md, "HAPI's flushes, and a read by id planned once (stop 31)").
 * Nothing else changes: the same characters, the same headers but Content-Length in place of chunked
 * transfer when the answer fits in the buffer.
 */
final class BufferedResponse extends HttpServletResponseWrapper {
    private PrintWriter writer;
    private ServletOutputStream stream;

    BufferedResponse(HttpServletResponse response) {
        super(response);
    }

    @Override
    public PrintWriter getWriter() throws IOException {
        if (writer == null) {
            writer = new PrintWriter(new UnflushedWriter(super.getWriter()), false);
        }
        return writer;
    }

    @Override
    public ServletOutputStream getOutputStream() throws IOException {
        if (stream == null) {
            stream = new UnflushedStream(super.getOutputStream());
        }
        return stream;
    }

    /** The container's writer, its flushes left out. */
    private static final class UnflushedWriter extends FilterWriter {
        UnflushedWriter(PrintWriter out) {
            super(out);
        }

        @Override
        public void flush() {
            // the container sends its buffer when it is full and when the answer ends
        }
    }

    /** The container's stream, its flushes left out. */
    private static final class UnflushedStream extends ServletOutputStream {
        private final ServletOutputStream out;

        UnflushedStream(ServletOutputStream out) {
            this.out = out;
        }

        @Override
        public void write(int b) throws IOException {
            out.write(b);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
        }

        @Override
        public void flush() {
            // the container sends its buffer when it is full and when the answer ends
        }

        @Override
        public void close() throws IOException {
            out.close();
        }

        @Override
        public boolean isReady() {
            return out.isReady();
        }

        @Override
        public void setWriteListener(WriteListener listener) {
            out.setWriteListener(listener);
        }
    }
}
