package org.dmpgateway.server.support;

import org.apache.camel.ProducerTemplate;
import org.apache.cxf.binding.soap.SoapHeader;
import org.apache.cxf.headers.Header;
import org.dmpgateway.identity.VihfNames;
import org.openehealth.ipf.commons.ihe.xds.core.metadata.Identifiable;
import org.openehealth.ipf.commons.ihe.xds.core.requests.DocumentReference;
import org.openehealth.ipf.commons.ihe.xds.core.requests.ProvideAndRegisterDocumentSet;
import org.openehealth.ipf.commons.ihe.xds.core.requests.QueryRegistry;
import org.openehealth.ipf.commons.ihe.xds.core.requests.RetrieveDocumentSet;
import org.openehealth.ipf.commons.ihe.xds.core.requests.query.PatientIdBasedStoredQuery;
import org.openehealth.ipf.commons.ihe.xds.core.requests.query.Query;
import org.openehealth.ipf.commons.ihe.xds.core.requests.query.QueryReturnType;
import org.openehealth.ipf.commons.ihe.xds.core.responses.QueryResponse;
import org.openehealth.ipf.commons.ihe.xds.core.responses.Response;
import org.openehealth.ipf.commons.ihe.xds.core.responses.RetrievedDocumentSet;
import org.openehealth.ipf.platform.camel.ihe.ws.AbstractWsEndpoint;
import org.w3c.dom.Element;

import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Objects;

/**
 * A real SOAP client for the tests: IPF's XDS producers (xds-iti41/18/43) sending over HTTP to the
 * server's /services endpoints, every request with a VIHF in its {@code wsse:Security} SOAP header
 * (set through IPF's {@link AbstractWsEndpoint#OUTGOING_SOAP_HEADERS}).
 * <p>
 * Whose VIHF, in one rule:
 * <ul>
 *   <li>a client bound to an identity ({@link #as(Vihf)}, {@link #forPatient(String)}) sends that
 *       VIHF with every request, whatever the request says;</li>
 *   <li>the unbound client ({@code new XdsClient(producer, port)}) sends {@link Vihf#doctor} for
 *       the patient the request names: the submission set's patientId of an ITI-41, the patientId
 *       of a patient-based stored query (FindDocuments, FindSubmissionSets, FindFolders, GetAll,
 *       FindDocumentsByReferenceId). A request that names no patient (GetDocuments and the other
 *       id-based queries, a retrieve) fails in the client with an IllegalStateException: say whose
 *       record it reads with {@code xds.forPatient(ins)}.</li>
 * </ul>
 * {@link #anonymous()} sends no VIHF at all, {@link #signedBy} signs the VIHF.
 * Clients are immutable and safe to share between threads: each request renders its own assertion.
 */
public final class XdsClient {
    private final ProducerTemplate producer;
    private final String base;
    /** null: Dr DURANT for the patient the request names. */
    private final Vihf identity;
    private final boolean anonymous;
    private final PrivateKey signingKey;
    private final X509Certificate signingCertificate;

    public XdsClient(ProducerTemplate producer, int port) {
        this(producer, "://localhost:" + port + "/services/", null, false, null, null);
    }

    private XdsClient(ProducerTemplate producer, String base, Vihf identity, boolean anonymous, PrivateKey signingKey,
                      X509Certificate signingCertificate) {
        this.producer = producer;
        this.base = base;
        this.identity = identity;
        this.anonymous = anonymous;
        this.signingKey = signingKey;
        this.signingCertificate = signingCertificate;
    }

    /** A client sending {@code vihf} with every request. */
    public XdsClient as(Vihf vihf) {
        return new XdsClient(producer, base, Objects.requireNonNull(vihf), false, signingKey, signingCertificate);
    }

    /**
     * A client bound to patient {@code ins} (INS-NIR-TEST): the bound identity for that patient, or
     * Dr DURANT's when the client is unbound.
     */
    public XdsClient forPatient(String ins) {
        return as(identity == null ? Vihf.doctor(ins) : identity.forPatient(ins));
    }

    /** A client that sends no VIHF (to test the refusal). */
    public XdsClient anonymous() {
        return new XdsClient(producer, base, null, true, null, null);
    }

    /** A client that signs its VIHFs with {@code key}, {@code certificate} in KeyInfo. */
    public XdsClient signedBy(PrivateKey key, X509Certificate certificate) {
        return new XdsClient(producer, base, identity, anonymous, Objects.requireNonNull(key),
                Objects.requireNonNull(certificate));
    }

    /** The identity this client is bound to, or null (unbound or anonymous). */
    public Vihf identity() {
        return identity;
    }

    // ------------------------------------------------------------------ transactions

    public Response submit(ProvideAndRegisterDocumentSet request) {
        Identifiable patient = request.getSubmissionSet() == null ? null : request.getSubmissionSet().getPatientId();
        return send("xds-iti41", "iti41", request, headersFor(patient, "this ITI-41 (no submission set patientId)"),
                Response.class);
    }

    public QueryResponse query(Query query) {
        return query(query, QueryReturnType.LEAF_CLASS);
    }

    public QueryResponse query(Query query, QueryReturnType returnType) {
        QueryRegistry request = new QueryRegistry(query);
        request.setReturnType(returnType);
        Identifiable patient = query instanceof PatientIdBasedStoredQuery byPatient ? byPatient.getPatientId() : null;
        return send("xds-iti18", "iti18", request, headersFor(patient, "the stored query " + query.getType()),
                QueryResponse.class);
    }

    /**
     * A stored query as written in ebXML (IPF's {@code AdhocQueryRequest}), for what IPF's query
     * model cannot say (e.g. the CI-SIS status Archived); bind an identity first.
     */
    public QueryResponse query(org.openehealth.ipf.commons.ihe.xds.core.stub.ebrs30.query.AdhocQueryRequest ebXml) {
        return send("xds-iti18", "iti18", ebXml, headersFor(null, "an ebXML stored query"), QueryResponse.class);
    }

    public RetrievedDocumentSet retrieve(String repositoryUniqueId, String... documentUniqueIds) {
        RetrieveDocumentSet request = new RetrieveDocumentSet();
        for (String id : documentUniqueIds) {
            request.getDocuments().add(new DocumentReference(repositoryUniqueId, id, null));
        }
        return send("xds-iti43", "iti43", request, headersFor(null, "a retrieve (ITI-43)"), RetrievedDocumentSet.class);
    }

    /**
     * ITI-57 Update Document Set: {@code request} is IPF's ebXML {@code SubmitObjectsRequest} (or
     * a {@code RegisterDocumentSet}). The request names no patient to the client: bind an identity
     * first ({@link #as} or {@link #forPatient}).
     */
    public Response update(Object request) {
        return send("xds-iti57", "iti57", request, headersFor(null, "an ITI-57 update"), Response.class);
    }

    /** ITI-62 Remove Metadata; bind an identity first ({@link #as} or {@link #forPatient}). */
    public Response remove(org.openehealth.ipf.commons.ihe.xds.core.requests.RemoveMetadata request) {
        return send("rmd-iti62", "iti62", request, headersFor(null, "an ITI-62 removal"), Response.class);
    }

    // ------------------------------------------------------------------ the VIHF header

    private List<Header> headersFor(Identifiable requestPatient, String what) {
        if (anonymous) {
            return List.of();
        }
        Vihf vihf = identity;
        if (vihf == null) {
            if (requestPatient == null || requestPatient.getId() == null) {
                throw new IllegalStateException(what + " names no patient: say whose record it reads with"
                        + " xds.forPatient(ins), or give the identity with xds.as(vihf)");
            }
            vihf = Vihf.doctor(requestPatient.getId());
            if (requestPatient.getAssigningAuthority() != null && requestPatient.getAssigningAuthority().getUniversalId() != null) {
                vihf = vihf.forPatient(requestPatient.getId(), requestPatient.getAssigningAuthority().getUniversalId());
            }
        }
        Element assertion = signingKey == null ? vihf.toElement() : vihf.signedWith(signingKey, signingCertificate);
        SoapHeader security = new SoapHeader(VihfNames.SECURITY_HEADER, Vihf.securityHeader(assertion));
        security.setMustUnderstand(true); // as WS-Security stacks send it: the gateway must declare it understood
        return List.of(security);
    }

    private <T> T send(String scheme, String path, Object request, List<Header> soapHeaders, Class<T> answer) {
        return producer.requestBodyAndHeader(scheme + base + path, request, AbstractWsEndpoint.OUTGOING_SOAP_HEADERS,
                soapHeaders, answer);
    }
}
