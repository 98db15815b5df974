package org.dmpgateway.core.account;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.dmpgateway.config.DmpProperties;
import org.springframework.beans.factory.annotation.Autowired;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The SMS provider's HTTP interface (docs/patient-api.md, "SMS gateway"): one
 * {@code POST <dmp.sms.url>} per SMS with the JSON body {@code {"from","to","text"}} and, when
 * {@code dmp.sms.token} is set, {@code Authorization: Bearer <token>}; any 2xx answer means the
 * provider took it. Without {@code dmp.sms.url} SMS is unavailable and the patient is asked to
 * choose e-mail. Timeout {@code dmp.sms.timeout} (default 5s).
 */
@Component
public class HttpSmsGateway implements SmsGateway {
    private static final Logger LOG = LoggerFactory.getLogger(HttpSmsGateway.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final String url;
    private final String token;
    private final String sender;
    private final Duration timeout;
    private final HttpClient client;

    /** The {@code dmp.sms} node of the configuration tree. */
    @Autowired
    public HttpSmsGateway(DmpProperties.Sms sms) {
        this(sms.url(), sms.token(), sms.sender(), sms.timeout());
    }

    public HttpSmsGateway(String url, String token,
                          String sender,
                          Duration timeout) {
        this.url = url == null ? "" : url.strip();
        this.token = token == null ? "" : token.strip();
        this.sender = sender;
        this.timeout = timeout;
        this.client = HttpClient.newBuilder().connectTimeout(timeout).build();
    }

    @Override
    public boolean available() {
        return !url.isEmpty();
    }

    @Override
    public void send(String mobile, String text) {
        if (!available()) {
            throw new SmsFailure("no SMS provider configured (dmp.sms.url)", null);
        }
        Map<String, String> body = new LinkedHashMap<>();
        body.put("from", sender);
        body.put("to", mobile);
        body.put("text", text);
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(timeout)
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
            if (!token.isEmpty()) {
                request.header("Authorization", "Bearer " + token);
            }
            HttpResponse<String> answer = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
            if (answer.statusCode() / 100 != 2) {
                throw new SmsFailure("the SMS provider answered HTTP " + answer.statusCode(), null);
            }
        } catch (JsonProcessingException e) {
            throw new SmsFailure("cannot write the SMS request", e);
        } catch (IOException e) {
            LOG.warn("SMS provider unreachable at {}: {}", url, e.toString());
            throw new SmsFailure("the SMS provider is unreachable", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SmsFailure("interrupted while sending an SMS", e);
        }
    }
}
