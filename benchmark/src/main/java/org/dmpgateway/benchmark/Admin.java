package org.dmpgateway.benchmark;

import java.io.IOException;

/**
 * The gateway's administration API (docs/admin-api.md), as the harness uses it to set up its own
 * patients: create an ACTIVATED record and authorise the harness's professional.
 */
final class Admin {
    private final Http http;
    private final String token;

    Admin(Http http, String token) {
        this.http = http;
        this.token = token;
    }

    /** Creates (or replaces) an ACTIVATED record and authorises the harness's professional. */
    void activatedPatientAuthorising(String ins, String familyName, String givenName) throws IOException, InterruptedException {
        String record = "/admin/patients/" + Ins.AUTHORITY + "/" + ins;
        expect(http.put(record, token, "{\"familyName\":\"" + familyName + "\",\"givenName\":\"" + givenName
                + "\",\"state\":\"ACTIVATED\"}"), "PUT " + record);
        String professional = record + "/professionals/" + Catalog.ACTOR_ID;
        expect(http.put(professional, token, "{\"status\":\"AUTHORIZED\",\"adminDoctor\":false,\"name\":\""
                + Catalog.ACTOR_CONSENT_NAME + "\"}"), "PUT " + professional);
    }

    private static void expect(Http.Response r, String what) {
        if (r.status() != 200 && r.status() != 201) {
            throw new IllegalStateException(what + " answered HTTP " + r.status() + ": " + r.text());
        }
    }
}
