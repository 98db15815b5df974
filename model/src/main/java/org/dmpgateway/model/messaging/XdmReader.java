package org.dmpgateway.model.messaging;

import org.dmpgateway.model.Submission;

/**
 * Reads an IHE XDM archive ({@code IHE_XDM.ZIP}, IHE ITI TF-1 section 16, TF-3 section 4.2.3.3):
 * its submission set's {@code METADATA.XML} (an ebXML SubmitObjectsRequest) and the documents it
 * names, as a {@link Submission}. Implemented with IPF's ebXML model in module {@code mappings}, so
 * that the core saves the documents without reading ebXML itself.
 */
public interface XdmReader {

    /**
     * The submission of the archive's one submission set, each document's content read from the
     * archive (at most {@code maxBytes} uncompressed in all).
     *
     * @throws org.dmpgateway.model.error.DmpException METADATA_ERROR naming what is wrong (not a ZIP,
     *         no or several {@code IHE_XDM/<subset>/METADATA.XML}, unreadable metadata, a document
     *         missing from the archive, too large)
     */
    Submission read(byte[] zip, long maxBytes);
}
