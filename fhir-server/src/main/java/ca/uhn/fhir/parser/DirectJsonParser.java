package ca.uhn.fhir.parser;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.json.BaseJsonLikeWriter;
import ca.uhn.fhir.parser.json.jackson.JacksonWriter;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.StreamWriteFeature;
import org.hl7.fhir.instance.model.api.IBaseResource;

import java.io.IOException;
import java.io.Writer;

/**
 * HAPI's JSON parser, writing resources through a Jackson generator that has no ObjectMapper. HAPI's own
 * generator comes from the factory of its shared ObjectMapper, so every field value HAPI writes
 * ({@code JacksonWriter.write(name, value)}, i.e. {@code JsonGenerator.writeObjectField}) goes through a
 * data-binding serialisation of one String, Boolean or number. Without an ObjectMapper, Jackson writes those
 * simple values itself ({@code writeString}, {@code writeBoolean}, {@code writeNumber}): the same characters,
 * 4-7% less time writing a page of 100 DocumentReferences (docs/performance.md, "ITI-67 pages of 100 (stop
 * 29)"). Everything else is HAPI's: the element walk, the options of the request (pretty print, summary,
 * elements), the reading of JSON.
 * <p>
 * It lives in HAPI's package because the one seam, {@code doEncodeResourceToWriter}, takes HAPI's
 * package-private {@code EncodeContext}; it does what HAPI's method does (a JSON writer on the given
 * {@link Writer}, the resource encoded, the writer closed) with a generator of {@link #GENERATORS}.
 */
public class DirectJsonParser extends JsonParser {
    /** As HAPI's factory for writing (the target writer is not closed with the generator), without a codec. */
    private static final JsonFactory GENERATORS = JsonFactory.builder()
            .disable(StreamWriteFeature.AUTO_CLOSE_TARGET).build();

    public DirectJsonParser(FhirContext context, IParserErrorHandler errorHandler) {
        super(context, errorHandler);
    }

    @Override
    protected void doEncodeResourceToWriter(IBaseResource resource, Writer writer, EncodeContext encodeContext)
            throws IOException {
        BaseJsonLikeWriter json = new JacksonWriter(GENERATORS, writer);
        doEncodeResourceToJsonLikeWriter(resource, json, encodeContext);
        json.close();
    }
}
