package org.dmpgateway.fhir;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.context.FhirVersionEnum;
import ca.uhn.fhir.parser.DirectJsonParser;
import ca.uhn.fhir.parser.IParser;
import org.dmpgateway.mappings.fhir.common.FhirFixtures;
import org.dmpgateway.mappings.fhir.documentreference.DocumentReferenceWriter;
import org.dmpgateway.model.EntryStatus;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.BooleanType;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.DecimalType;
import org.hl7.fhir.r4.model.IntegerType;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Quantity;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The server's JSON parser writes, to the character, what HAPI's own JSON parser writes, whatever the request's options. */
class DirectJsonParserTest {
    private static final String BASE = "https://dmp.example.org/fhir";
    private static final FhirContext SERVER = new FhirServerConfiguration().fhirContext();
    private static final FhirContext HAPI = new FhirContext(FhirVersionEnum.R4);

    static {
        HAPI.getParserOptions().setAutoContainReferenceTargetsWithNoId(false);
    }

    @Test
    void theServersContextWritesJsonWithIt() {
        assertInstanceOf(DirectJsonParser.class, SERVER.newJsonParser());
    }

    @Test
    void aSearchsetOfDocumentReferencesIsWrittenAsHapiWritesIt() {
        Bundle page = searchset();
        for (Consumer<IParser> options : List.<Consumer<IParser>>of(
                p -> { },
                p -> p.setPrettyPrint(true),
                p -> p.setSummaryMode(true),
                p -> p.setEncodeElements(Set.of("DocumentReference.status", "DocumentReference.content")),
                p -> p.setServerBaseUrl(BASE))) {
            String ours = write(SERVER, page, options);
            assertEquals(write(HAPI, page, options), ours);
        }
        assertTrue(write(SERVER, page, p -> { }).contains("\\\"suivi\\\"\\n\\u0001 é"), "escaped as HAPI escapes");
    }

    @Test
    void decimalsIntegersAndBooleansAreWrittenAsHapiWritesThem() {
        Observation o = new Observation();
        o.setId("o1");
        o.setValue(new Quantity().setValueElement(new DecimalType(new BigDecimal("1.50")))
                .setUnit("mg"));
        o.getReferenceRangeFirstRep().getLow().setValue(new BigDecimal("1E+3"));
        o.addComponent().setValue(new IntegerType(-7));
        o.addComponent().setValue(new BooleanType(false));
        assertEquals(write(HAPI, o, p -> { }), write(SERVER, o, p -> { }));
    }

    /** Three DocumentReferences with every field the mapping writes, one with text to escape, in a searchset. */
    private static Bundle searchset() {
        Bundle bundle = new Bundle().setType(Bundle.BundleType.SEARCHSET).setTotal(3);
        bundle.addLink().setRelation("self").setUrl(BASE + "/DocumentReference?status=current");
        int n = 0;
        for (EntryStatus status : List.of(EntryStatus.APPROVED, EntryStatus.ARCHIVED, EntryStatus.DEPRECATED)) {
            var entry = FhirFixtures.entry(status).toBuilder()
                    .entryUuid("urn:uuid:6a0c1b0e-2f59-4a8a-9f5e-0d6b3b4f1a0" + (++n))
                    .comments("Consultation de \"suivi\"\n\u0001 é \u2028 fin").build();
            var resource = DocumentReferenceWriter.toResource(entry, BASE);
            bundle.addEntry().setFullUrl(BASE + "/DocumentReference/" + resource.getIdElement().getIdPart())
                    .setResource(resource).getSearch().setMode(Bundle.SearchEntryMode.MATCH);
        }
        return bundle;
    }

    private static String write(FhirContext context, IBaseResource resource,
                                Consumer<IParser> options) {
        IParser parser = context.newJsonParser();
        options.accept(parser);
        StringWriter out = new StringWriter();
        try {
            parser.encodeResourceToWriter(resource, out);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return out.toString();
    }
}
