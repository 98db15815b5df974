package org.dmpgateway.server.metrics;

import org.dmpgateway.model.error.Causes;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.dmpgateway.model.error.DmpException;
import org.dmpgateway.server.metrics.TransactionMetrics.Outcome;
import org.springframework.web.servlet.DispatcherServlet;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * Times the REST transactions of /dmp (TD0.2 record status, TD0.3 authorisation) at the REST
 * adapter's boundary; a refusal's error code is the gateway's, as its exception handler answered it.
 */
public class RestTransactionMetrics implements HandlerInterceptor {
    private static final String STARTED = RestTransactionMetrics.class.getName() + ".started";

    private final TransactionMetrics metrics;

    public RestTransactionMetrics(TransactionMetrics metrics) {
        this.metrics = metrics;
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        request.setAttribute(STARTED, System.nanoTime());
        return true;
    }

    @Override
    public void afterCompletion(HttpServletRequest request, HttpServletResponse response, Object handler, Exception ex) {
        Object started = request.getAttribute(STARTED);
        long nanos = started instanceof Long s ? System.nanoTime() - s : 0;
        String path = request.getRequestURI().substring(request.getContextPath().length());
        String transaction = path.startsWith("/dmp/status") ? "TD0.2"
                : path.startsWith("/dmp/authorization") ? "TD0.3" : path;
        Object handled = ex != null ? ex : request.getAttribute(DispatcherServlet.EXCEPTION_ATTRIBUTE);
        if (response.getStatus() < 400 && handled == null) {
            metrics.record("REST", transaction, request.getMethod(), Outcome.SUCCESS, null, nanos);
        } else {
            DmpException refusal = Causes.refusalIn(handled instanceof Throwable t ? t : null);
            String error = refusal != null ? refusal.code().name() : "HTTP_" + response.getStatus();
            metrics.record("REST", transaction, request.getMethod(), Outcome.FAILURE, error, nanos);
        }
    }
}
