package org.dmpgateway.server.dmp;

import org.dmpgateway.model.Core;
import org.dmpgateway.model.DocumentEntryRecord;
import org.dmpgateway.model.DocumentRemoval;
import org.dmpgateway.model.DocumentUpdate;
import org.dmpgateway.model.PatientRef;
import org.dmpgateway.model.Submission;
import org.dmpgateway.model.profile.ProfessionalProfileAccess;
import org.dmpgateway.model.profile.ProfileEntry;
import org.dmpgateway.model.query.DocumentsPage;
import org.dmpgateway.model.query.FoundLists;
import org.dmpgateway.model.query.ListSearch;
import org.dmpgateway.model.query.QueryCommand;
import org.dmpgateway.model.query.QueryResult;
import org.dmpgateway.model.query.RetrieveCommand;
import org.dmpgateway.model.query.RetrieveResult;
import org.dmpgateway.model.trail.AccessTrace;
import org.dmpgateway.model.trail.TraceAction;
import org.dmpgateway.model.access.AccessContext;
import org.dmpgateway.model.access.AuthorisedRecord;
import org.dmpgateway.model.access.AuthorizationDeclaration;
import org.dmpgateway.model.access.PatientMatch;
import org.dmpgateway.model.access.PatientSearch;
import org.dmpgateway.model.access.ProfessionalStanding;
import org.dmpgateway.model.access.RecordListing;
import org.dmpgateway.model.access.RecordRevision;
import org.dmpgateway.model.access.RecordStatus;
import org.dmpgateway.model.error.DmpErrorCode;
import org.dmpgateway.model.error.DmpException;
import org.dmpgateway.model.error.IdentityField;
import org.dmpgateway.model.ConsentStatus;
import org.dmpgateway.model.PatientRecordState;
import org.dmpgateway.server.support.Vihf;
import org.dmpgateway.identity.VihfReader;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;

import static org.dmpgateway.server.support.SampleSubmissions.PATIENT_ACTIVATED;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.*;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * TD0.2 / TD0.3 over REST, without the Spring context: the controller on MockMvc, the core
 * replaced by a stub {@link Core}.
 */
class DmpRecordControllerTest {
    /** A command as the stub core receives it: the command (null for a status) and the caller. */
    record Call(Object command, AccessContext caller) {
    }

    /** What the stubbed core does with a call. */
    private static final AtomicReference<Function<Call, RecordStatus>> core = new AtomicReference<>();

    /** The core replaced by a stub answering TD0.2 and TD0.3 only. */
    static final class StubCore implements Core {
        @Override
        public RecordStatus declareAuthorization(AuthorizationDeclaration declaration, AccessContext caller) {
            return core.get().apply(new Call(declaration, caller));
        }

        @Override
        public RecordStatus recordStatus(PatientRef requested, AccessContext caller) {
            return core.get().apply(new Call(null, caller));
        }

        @Override
        public Submission submit(Submission submission, AccessContext caller) {
            throw new UnsupportedOperationException();
        }

        @Override
        public FoundLists findLists(ListSearch search, AccessContext caller) {
            throw new UnsupportedOperationException();
        }

        @Override
        public List<ProfessionalStanding> listProfessionals(ConsentStatus only, AccessContext caller) {
            throw new UnsupportedOperationException();
        }

        @Override
        public List<AuthorisedRecord> listAuthorisedRecords(RecordListing listing, Instant since, String owner,
                                                            AccessContext caller) {
            throw new UnsupportedOperationException();
        }

        @Override
        public RecordStatus reviseRecord(RecordRevision revision, PatientRef requested, AccessContext caller) {
            throw new UnsupportedOperationException();
        }

        @Override
        public List<PatientMatch> searchPatients(PatientSearch search, AccessContext caller) {
            throw new UnsupportedOperationException();
        }

        @Override
        public List<ProfileEntry> medicalProfile(ProfessionalProfileAccess access, PatientRef requested,
                                                 AccessContext caller) {
            throw new UnsupportedOperationException();
        }

        @Override
        public QueryResult query(QueryCommand command, AccessContext caller) {
            throw new UnsupportedOperationException();
        }

        @Override
        public DocumentsPage findPage(QueryCommand command, AccessContext caller) {
            throw new UnsupportedOperationException();
        }

        @Override
        public QueryResult findForChange(QueryCommand command, TraceAction change, AccessContext caller) {
            throw new UnsupportedOperationException();
        }

        @Override
        public RetrieveResult retrieve(RetrieveCommand command, AccessContext caller) {
            throw new UnsupportedOperationException();
        }

        @Override
        public List<DocumentEntryRecord> update(DocumentUpdate update, AccessContext caller) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void remove(DocumentRemoval removal, AccessContext caller) {
            throw new UnsupportedOperationException();
        }

        @Override
        public List<AccessTrace> readTraces(PatientRef requested, Integer limit, AccessContext caller) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void traceRefusal(DmpException refusal, TraceAction action, List<String> documentIds,
                                 AccessContext caller) {
            throw new UnsupportedOperationException();
        }
    }

    private MockMvc mvc;

    @BeforeEach
    void controller() {
        // dates as ISO text, as Spring Boot's Jackson configuration writes them in the running server
        var json = new org.springframework.http.converter.json.MappingJackson2HttpMessageConverter(
                org.springframework.http.converter.json.Jackson2ObjectMapperBuilder.json()
                        .featuresToDisable(com.fasterxml.jackson.databind.SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                        .build());
        mvc = MockMvcBuilders.standaloneSetup(new DmpRecordController(VihfReader.unsigned(), new StubCore()))
                .setMessageConverters(new org.springframework.http.converter.StringHttpMessageConverter(
                        StandardCharsets.UTF_8), json).build();
        core.set(DmpRecordControllerTest::answerAsTheCoreWould);
    }

    /** Authorised after a grant, nothing after a withdrawal; the status as is. */
    static RecordStatus answerAsTheCoreWould(Call call) {
        AccessContext caller = call.caller();
        assertNotNull(caller, "the controller sets the access context");
        ConsentStatus consent = call.command() instanceof AuthorizationDeclaration d && !d.grant() ? null
                : ConsentStatus.AUTHORIZED;
        return new RecordStatus(caller.patient(), PatientRecordState.ACTIVATED, consent, false,
                "DUPONT", "Marie", java.time.LocalDate.of(1979, 3, 12), "F");
    }

    static String drDurant() {
        return Vihf.doctor(PATIENT_ACTIVATED).authorizationHeader();
    }

    ResultActions refusedWith(ResultActions result, HttpStatus status, DmpErrorCode code) throws Exception {
        return result.andExpect(status().is(status.value()))
                .andExpect(jsonPath("$.code").value(code.name()))
                .andExpect(jsonPath("$.message").isNotEmpty());
    }

    // ------------------------------------------------------------------ answers

    @Test
    void declaringTheAuthorisationSendsAGrantWithTheCallerAndAnswersTheStatus() throws Exception {
        AtomicReference<Object> seen = new AtomicReference<>();
        AtomicReference<AccessContext> caller = new AtomicReference<>();
        core.set(call -> {
            seen.set(call.command());
            caller.set(call.caller());
            return answerAsTheCoreWould(call);
        });

        mvc.perform(put("/dmp/authorization").header(HttpHeaders.AUTHORIZATION, drDurant()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.patient.id").value(PATIENT_ACTIVATED))
                .andExpect(jsonPath("$.patient.authority").value("1.2.250.1.213.1.4.10"))
                .andExpect(jsonPath("$.state").value("ACTIVATED"))
                .andExpect(jsonPath("$.consent").value("AUTHORIZED"))
                .andExpect(jsonPath("$.adminDoctor").value(false))
                .andExpect(jsonPath("$.familyName").value("DUPONT"))
                .andExpect(jsonPath("$.givenName").value("Marie"))
                .andExpect(jsonPath("$.birthDate").value("1979-03-12"))
                .andExpect(jsonPath("$.gender").value("F"));

        assertEquals(new AuthorizationDeclaration(true), seen.get());
        assertEquals("810002345678", caller.get().actorId());
        assertEquals(PATIENT_ACTIVATED, caller.get().patient().id());
    }

    @Test
    void withdrawingTheAuthorisationSendsARevocation() throws Exception {
        AtomicReference<Object> seen = new AtomicReference<>();
        core.set(call -> {
            seen.set(call.command());
            return answerAsTheCoreWould(call);
        });
        mvc.perform(delete("/dmp/authorization").header(HttpHeaders.AUTHORIZATION, drDurant()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.consent").doesNotExist());
        assertEquals(new AuthorizationDeclaration(false), seen.get());
    }

    @Test
    void theStatusIsAnswered() throws Exception {
        mvc.perform(get("/dmp/status").header(HttpHeaders.AUTHORIZATION, drDurant()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.state").value("ACTIVATED"));
    }

    @Test
    void theSchemeIsCaseInsensitive() throws Exception {
        mvc.perform(get("/dmp/status").header(HttpHeaders.AUTHORIZATION, drDurant().replace("IHE-SAML", "ihe-saml")))
                .andExpect(status().isOk());
    }

    // ------------------------------------------------------------------ identity refusals: 401

    @Test
    void aRequestWithoutVihfIsUnauthorised() throws Exception {
        refusedWith(mvc.perform(get("/dmp/status")), HttpStatus.UNAUTHORIZED, DmpErrorCode.IDENTITY_MISSING)
                .andExpect(header().string(HttpHeaders.WWW_AUTHENTICATE, "IHE-SAML"))
                .andExpect(jsonPath("$.message").value(containsString("Authorization: IHE-SAML")));
        refusedWith(mvc.perform(put("/dmp/authorization").header(HttpHeaders.AUTHORIZATION, "Bearer abc")),
                HttpStatus.UNAUTHORIZED, DmpErrorCode.IDENTITY_MISSING);
    }

    @Test
    void anInvalidVihfIsUnauthorisedWithTheReadersCode() throws Exception {
        String garbage = "IHE-SAML " + Base64.getEncoder().encodeToString("<x/>".getBytes(StandardCharsets.UTF_8));
        refusedWith(mvc.perform(get("/dmp/status").header(HttpHeaders.AUTHORIZATION, garbage)),
                HttpStatus.UNAUTHORIZED, DmpErrorCode.IDENTITY_INVALID);
        String nameless = Vihf.doctor(PATIENT_ACTIVATED).as(Vihf.DURANT, null, Vihf.MEDECIN, null).authorizationHeader();
        refusedWith(mvc.perform(get("/dmp/status").header(HttpHeaders.AUTHORIZATION, nameless)),
                HttpStatus.UNAUTHORIZED, DmpErrorCode.IDENTITY_INVALID)
                .andExpect(jsonPath("$.message").value(containsString("urn:oasis:names:tc:xspa:1.0:subject:subject-id")));
    }

    @Test
    void theCoreIsNotAskedWithoutAnIdentity() throws Exception {
        core.set(call -> fail("the core must not be called"));
        mvc.perform(put("/dmp/authorization")).andExpect(status().isUnauthorized());
    }

    // ------------------------------------------------------------------ refusals by the core

    @ParameterizedTest
    @CsvSource({"PS_BLOCKED, 403", "PS_NOT_AUTHORIZED, 403", "DMP_CLOSED, 410", "DMP_OPPOSED, 410",
            "BREAK_GLASS_DISABLED, 403", "SAMU_ACCESS_DISABLED, 403", "HABILITATION_DENIED, 403", "NOT_AUTHOR, 403",
            "BREAK_GLASS_JUSTIFICATION_MISSING, 403", "UNKNOWN_PATIENT, 404", "DMP_UNKNOWN, 404", "INVALID_INS, 400",
            "IDENTITY_INVALID, 401", "ACCESS_PATIENT_MISMATCH, 400", "IDENTITY_MISSING, 401", "IDENTITY_UNTRUSTED, 401",
            "INTERNAL_ERROR, 500"})
    void aRefusalOfTheCoreGetsItsStatusAndCode(DmpErrorCode code, int status) throws Exception {
        core.set(call -> {
            throw new DmpException(code, "refused by the stub core");
        });
        mvc.perform(put("/dmp/authorization").header(HttpHeaders.AUTHORIZATION, drDurant()))
                .andExpect(status().is(status))
                .andExpect(jsonPath("$.code").value(code.name()))
                .andExpect(jsonPath("$.message").value(code == DmpErrorCode.PS_NOT_AUTHORIZED
                        // the REST mapping says where the authorisation is declared (IdentityWords)
                        ? "refused by the stub core (declaration: PUT /dmp/authorization)"
                        : "refused by the stub core"));
    }

    @Test
    void anIdentityFieldTheCoreNamesIsTheVihfAttribute() throws Exception {
        core.set(call -> {
            throw new DmpException(DmpErrorCode.BREAK_GLASS_JUSTIFICATION_MISSING, "no justification",
                    IdentityField.ACCESS_REASON.location());
        });
        mvc.perform(get("/dmp/status").header(HttpHeaders.AUTHORIZATION, drDurant()))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.message").value("no justification (VIHF attribute Mode_Acces_Raison)"));
    }

    @Test
    void anUnexpectedFailureIsAnInternalErrorWithAReferenceOnly() throws Exception {
        // the core's contract: anything unexpected is an IllegalStateException (CamelCore wraps it)
        core.set(call -> {
            throw new IllegalStateException("the core command failed", new NullPointerException("secret detail"));
        });
        mvc.perform(get("/dmp/status").header(HttpHeaders.AUTHORIZATION, drDurant()))
                .andExpect(status().isInternalServerError())
                .andExpect(jsonPath("$.code").value("INTERNAL_ERROR"))
                .andExpect(jsonPath("$.message").value(startsWith("internal error, reference ")))
                .andExpect(jsonPath("$.message").value(org.hamcrest.Matchers.not(containsString("secret"))));
    }
}
