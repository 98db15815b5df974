package org.dmpgateway.server.support;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.dmpgateway.model.PatientRecordState;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The patient-side administration API of the server, for the tests (what the patient, or the DMP
 * operator, decides): authorise or block a professional, close a record, change its settings,
 * read its traces. {@code /admin/patients/{authority}/{ins}/...} with
 * {@code Authorization: Bearer sandbox-admin-token}. Every call asserts a 2xx answer and fails
 * with the status and body otherwise.
 * <ul>
 *   <li>{@code PUT .../professionals/{actorId}} body {@code {"status":"AUTHORIZED"|"BLOCKED","adminDoctor":..,"name":..}}</li>
 *   <li>{@code PUT .../state} body {@code {"state":"CLOSED"}}</li>
 *   <li>{@code PUT .../settings} body: the partial settings JSON as given</li>
 *   <li>{@code GET .../traces}: the JSON list, returned as text</li>
 * </ul>
 */
public final class AdminClient {
    public static final String TOKEN = "sandbox-admin-token";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String base;
    private final String authority;
    private final String token;

    /** Patients of the INS-NIR-TEST authority ({@link SampleSubmissions#INS_OID}). */
    public AdminClient(int port) {
        this(port, SampleSubmissions.INS_OID);
    }

    public AdminClient(int port, String authority) {
        this(port, authority, TOKEN);
    }

    /** With an admin token of its own (a server outside sandbox mode, {@code dmp.admin.token}). */
    public AdminClient(int port, String authority, String token) {
        this.base = "http://localhost:" + port + "/admin/patients/";
        this.authority = authority;
        this.token = token;
    }

    /** Creates (or replaces) the record of {@code ins} in {@code state}, with the default settings. */
    public void createPatient(String ins, PatientRecordState state) {
        createPatient(ins, state, "PATIENT-" + ins.substring(9), "Test");
    }

    /** A record in {@code state} with the patient's names (e.g. those of an official example's patient). */
    public void createPatient(String ins, PatientRecordState state, String familyName, String givenName) {
        createPatient(ins, state, familyName, givenName, "1980-01-01");
    }

    /** A record in {@code state} with the patient's names and birth date (yyyy-MM-dd: a child's, for instance). */
    public void createPatient(String ins, PatientRecordState state, String familyName, String givenName,
                              String birthDate) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("familyName", familyName);
        body.put("givenName", givenName);
        body.put("birthDate", birthDate);
        body.put("gender", "F");
        body.put("state", state.name());
        put(patient(ins), json(body));
    }

    /** Creates (or replaces) a record with these fields of the /admin API (familyName, birthName, state...). */
    public void createPatient(String ins, Map<String, Object> record) {
        put(patient(ins), json(record));
    }

    /**
     * PUT of a professional on the patient's lists with these fields (status, name, profession,
     * specialty...), the server's answer as it is (status and JSON body), refusals included.
     */
    public HttpResponse<String> putProfessional(String ins, String actorId, Map<String, Object> fields) {
        return exchange(HttpRequest.newBuilder(URI.create(patient(ins) + "/professionals/" + actorId))
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(json(fields), StandardCharsets.UTF_8)));
    }

    /** The patient authorises the professional ({@code adminDoctor}: names them médecin administrateur). */
    public void authorise(String ins, String actorId, String name, boolean adminDoctor) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", "AUTHORIZED");
        body.put("adminDoctor", adminDoctor);
        body.put("name", name);
        put(patient(ins) + "/professionals/" + actorId, json(body));
    }

    /**
     * The patient authorises the professional of {@code who} (named as in the VIHF, "NOM Prénom");
     * {@code adminDoctor}: names them médecin administrateur.
     */
    public void authorise(String ins, Vihf who, boolean adminDoctor) {
        authorise(ins, who.actorId(), who.actorName().replace(", ", " "), adminDoctor);
    }

    /** The patient blocks the professional. */
    public void block(String ins, String actorId) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", "BLOCKED");
        body.put("adminDoctor", false);
        put(patient(ins) + "/professionals/" + actorId, json(body));
    }

    /** Moves the record to {@code state} (e.g. CLOSED). */
    public void setState(String ins, PatientRecordState state) {
        put(patient(ins) + "/state", json(Map.of("state", state.name())));
    }

    /** Changes some settings: {@code partialJson} names only the fields to change, e.g. {@code {"breakGlassAllowed":false}}. */
    public void settings(String ins, String partialJson) {
        put(patient(ins) + "/settings", partialJson);
    }

    /**
     * The insurer's notice (POST .../notification): the record becomes NOTIFIED and its provisional
     * code is sent by {@code channel} (EMAIL or SMS) to the given contact.
     */
    public String notifyRecord(String ins, String email, String mobile, String cardSerial, String channel) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("email", email);
        body.put("mobile", mobile);
        body.put("cardSerial", cardSerial);
        body.put("channel", channel);
        return send(HttpRequest.newBuilder(URI.create(patient(ins) + "/notification"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json(body), StandardCharsets.UTF_8)));
    }

    /** The record (GET), as the JSON text the server answers. */
    public String record(String ins) {
        return send(HttpRequest.newBuilder(URI.create(patient(ins))).GET());
    }

    /** The record's access traces, as the JSON text the server answers. */
    public String traces(String ins) {
        return send(HttpRequest.newBuilder(URI.create(patient(ins) + "/traces")).GET());
    }

    private String patient(String ins) {
        return base + authority + "/" + ins;
    }

    private void put(String url, String body) {
        send(HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)));
    }

    private String send(HttpRequest.Builder request) {
        HttpResponse<String> response = exchange(request);
        if (response.statusCode() / 100 != 2) {
            throw new AssertionError(response.request().method() + " " + response.request().uri() + " answered "
                    + response.statusCode() + ": " + response.body());
        }
        return response.body();
    }

    private HttpResponse<String> exchange(HttpRequest.Builder request) {
        HttpRequest built = request.header("Authorization", "Bearer " + token).timeout(Duration.ofSeconds(30)).build();
        try {
            return http.send(built, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new AssertionError(built.method() + " " + built.uri() + " failed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(built.method() + " " + built.uri() + " interrupted", e);
        }
    }

    private static String json(Map<String, Object> body) {
        try {
            return JSON.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
