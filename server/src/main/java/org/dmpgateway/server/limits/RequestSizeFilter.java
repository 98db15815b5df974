package org.dmpgateway.server.limits;

import ca.uhn.fhir.context.FhirContext;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import org.dmpgateway.model.error.DmpException;
import org.dmpgateway.mappings.fhir.error.FhirErrorMapper;
import org.dmpgateway.mappings.http.HttpErrorMapper;
import org.dmpgateway.model.limits.Limits;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.HtmlUtils;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

/**
 * {@code dmp.limits.request-bytes} on every request body, before anything holds it: a declared
 * Content-Length above the limit is answered 413 at once (nothing is read), and the body of every
 * other request (chunked, MTOM) is counted as the endpoint reads it; the read that passes the limit
 * fails with {@link RequestTooLargeException}, which the SOAP and FHIR error handlers answer as
 * LIMIT_EXCEEDED (413). The early answer is in the endpoint's own form: a SOAP 1.2 Sender fault
 * on /services, an OperationOutcome on /fhir, the REST error JSON elsewhere.
 */
public class RequestSizeFilter extends OncePerRequestFilter {
    private static final Logger LOG = LoggerFactory.getLogger(RequestSizeFilter.class);

    private final long limit;
    private final FhirContext fhir;

    public RequestSizeFilter(long limit, FhirContext fhir) {
        this.limit = limit;
        this.fhir = fhir;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        long declared = request.getContentLengthLong();
        if (declared > limit) {
            DmpException refusal = refusal();
            LOG.info("{} {} refused: Content-Length {}: {}", request.getMethod(), request.getRequestURI(), declared,
                    refusal.getMessage());
            answer(request, response, refusal);
            return;
        }
        chain.doFilter(new LimitedRequest(request), response);
    }

    DmpException refusal() {
        return Limits.exceeded("the request body", "bytes", limit, Limits.REQUEST_BYTES, "Content-Length");
    }

    private void answer(HttpServletRequest request, HttpServletResponse response, DmpException refusal) throws IOException {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        response.setStatus(HttpErrorMapper.status(refusal.code()));
        response.setHeader("Connection", "close");
        String message = refusal.errors().get(0).message();
        if (path.startsWith("/fhir")) {
            response.setContentType("application/fhir+json;charset=UTF-8");
            response.getWriter().write(fhir.newJsonParser().encodeResourceToString(FhirErrorMapper.outcome(refusal)));
        } else if (path.startsWith("/services")) {
            response.setContentType("application/soap+xml;charset=UTF-8");
            response.getWriter().write("<soap:Envelope xmlns:soap=\"http://www.w3.org/2003/05/soap-envelope\"><soap:Body>"
                    + "<soap:Fault><soap:Code><soap:Value>soap:Sender</soap:Value></soap:Code><soap:Reason>"
                    + "<soap:Text xml:lang=\"en\">" + HtmlUtils.htmlEscape(refusal.code() + ": " + message)
                    + "</soap:Text></soap:Reason></soap:Fault></soap:Body></soap:Envelope>");
        } else {
            response.setContentType("application/json;charset=UTF-8");
            response.getWriter().write("{\"code\":\"" + refusal.code() + "\",\"message\":\""
                    + message.replace("\\", "\\\\").replace("\"", "'") + "\"}");
        }
    }

    /**
     * The request whose body stream counts what is read and fails beyond the limit: the read that
     * passes it throws (and leaves the refusal in {@link Limits#REFUSAL_ATTRIBUTE}); later reads find
     * the end of the stream, so that CXF, which reads what remains of a request before it answers,
     * can still send its answer. Tomcat discards the unread rest or closes the connection.
     */
    private final class LimitedRequest extends HttpServletRequestWrapper {
        private ServletInputStream stream;

        LimitedRequest(HttpServletRequest request) {
            super(request);
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            if (stream == null) {
                stream = new CountingStream(super.getInputStream(), this);
            }
            return stream;
        }

        @Override
        public BufferedReader getReader() throws IOException {
            String encoding = getCharacterEncoding();
            Charset charset = encoding == null ? StandardCharsets.ISO_8859_1 : Charset.forName(encoding);
            return new BufferedReader(new InputStreamReader(getInputStream(), charset));
        }
    }

    private final class CountingStream extends ServletInputStream {
        private final ServletInputStream in;
        private final HttpServletRequest request;
        private long count;
        private boolean refused;

        CountingStream(ServletInputStream in, HttpServletRequest request) {
            this.in = in;
            this.request = request;
        }

        @Override
        public int read() throws IOException {
            if (refused) {
                return -1;
            }
            int b = in.read();
            if (b >= 0) {
                counted(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            if (refused) {
                return -1;
            }
            int n = in.read(buffer, offset, length);
            if (n > 0) {
                counted(n);
            }
            return n;
        }

        private void counted(int n) throws IOException {
            count += n;
            if (count > limit) {
                refused = true;
                DmpException refusal = refusal();
                request.setAttribute(Limits.REFUSAL_ATTRIBUTE, refusal);
                LOG.info("{} {} refused: {}", request.getMethod(), request.getRequestURI(), refusal.getMessage());
                throw new RequestTooLargeException(refusal);
            }
        }

        @Override
        public boolean isFinished() {
            return refused || in.isFinished();
        }

        @Override
        public boolean isReady() {
            return in.isReady();
        }

        @Override
        public void setReadListener(ReadListener listener) {
            in.setReadListener(listener);
        }
    }
}
