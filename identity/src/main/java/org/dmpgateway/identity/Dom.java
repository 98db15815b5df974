package org.dmpgateway.identity;

import org.w3c.dom.Element;
import org.w3c.dom.Node;

import java.util.ArrayList;
import java.util.List;

/** The one DOM walk the VIHF reading needs: the child elements of a given name. */
final class Dom {
    private Dom() {
    }

    /** The child elements {@code {namespace}localName} of {@code parent}, in document order. */
    static List<Element> children(Element parent, String namespace, String localName) {
        List<Element> found = new ArrayList<>();
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n.getNodeType() == Node.ELEMENT_NODE && namespace.equals(n.getNamespaceURI())
                    && localName.equals(n.getLocalName())) {
                found.add((Element) n);
            }
        }
        return found;
    }
}
