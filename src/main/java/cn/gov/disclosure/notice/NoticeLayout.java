package cn.gov.disclosure.notice;

import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;

import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;

/**
 * Prepares a filled notice template for openhtmltopdf so that its Chinese line and page breaking is what a clerk
 * expects.
 * <p>
 * <b>No line begins with closing punctuation (避头尾).</b> openhtmltopdf breaks a run of text where the JDK's line
 * break iterator allows, and that iterator already refuses to break before "，。）」" etc. But every boundary
 * between two inline boxes is a break opportunity too: in {@code 因<span>理由</span>，本机关} the "，" starts a new
 * box and may start a line. openhtmltopdf has no {@code line-break: strict}, so the plain {@code <span>}s that the
 * templates use only to insert values are dissolved into their text before rendering; what remains is one run of
 * text per paragraph, broken by the JDK's rules.
 * <p>
 * <b>No page holds only the signature.</b> The last paragraph before the {@code sign-off} block (issuer, seal, date,
 * contact lines) is moved next to it and both are wrapped in a block that is not split across pages.
 */
final class NoticeLayout {

    private NoticeLayout() {
    }

    static Document prepare(String xhtml) {
        Document doc = parse(xhtml);
        dissolvePlainSpans(doc);
        keepLastParagraphWithSignOff(doc);
        // Merges the text nodes the dissolved spans left side by side (normalizeDocument would also redo namespaces
        // and costs several times as much).
        doc.getDocumentElement().normalize();
        return doc;
    }

    private static void dissolvePlainSpans(Document doc) {
        NodeList spans = doc.getElementsByTagName("span");
        List<Element> plain = new ArrayList<>();
        for (int i = 0; i < spans.getLength(); i++) {
            Element span = (Element) spans.item(i);
            if (!span.hasAttributes()) {
                plain.add(span);
            }
        }
        for (Element span : plain) {
            Node parent = span.getParentNode();
            while (span.getFirstChild() != null) {
                parent.insertBefore(span.getFirstChild(), span);
            }
            parent.removeChild(span);
        }
    }

    private static void keepLastParagraphWithSignOff(Document doc) {
        NodeList divs = doc.getElementsByTagName("div");
        Element signOff = null;
        for (int i = 0; i < divs.getLength(); i++) {
            Element div = (Element) divs.item(i);
            if (div.getAttribute("class").contains("sign-off")) {
                signOff = div;
            }
        }
        if (signOff == null) {
            return;
        }
        Element last = previousElement(signOff);
        // Descend into a section (e.g. the remedies) to its last paragraph.
        while (last != null && "div".equals(last.getTagName()) && lastElementChild(last) != null) {
            last = lastElementChild(last);
        }
        if (last == null || !"p".equals(last.getTagName())) {
            return;
        }
        Element keep = doc.createElement("div");
        keep.setAttribute("class", "keep-with-sign-off");
        signOff.getParentNode().insertBefore(keep, signOff);
        keep.appendChild(last);
        keep.appendChild(signOff);
    }

    private static Element previousElement(Node n) {
        Node p = n.getPreviousSibling();
        while (p != null && p.getNodeType() != Node.ELEMENT_NODE) {
            p = p.getPreviousSibling();
        }
        return (Element) p;
    }

    private static Element lastElementChild(Element e) {
        Node c = e.getLastChild();
        while (c != null && c.getNodeType() != Node.ELEMENT_NODE) {
            c = c.getPreviousSibling();
        }
        return (Element) c;
    }

    /**
     * Made once: {@code DocumentBuilderFactory.newInstance()} searches the class path for a provider on every call,
     * and making a builder sets up a whole parser configuration; together they cost more than parsing the notice.
     * A factory is not thread-safe, so builders are made under its lock; idle builders wait here, each used by one
     * parse at a time and reset after it (at most as many as notices were ever parsed at once).
     */
    private static final DocumentBuilderFactory FACTORY = factory();
    private static final Queue<DocumentBuilder> IDLE = new ConcurrentLinkedQueue<>();

    private static DocumentBuilderFactory factory() {
        try {
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setNamespaceAware(true);
            f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
            f.setFeature("http://xml.org/sax/features/external-general-entities", false);
            f.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
            f.setExpandEntityReferences(false);
            return f;
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("XML parser lacks a required feature", e);
        }
    }

    private static Document parse(String xhtml) {
        try {
            DocumentBuilder b = IDLE.poll();
            if (b == null) {
                synchronized (FACTORY) {
                    b = FACTORY.newDocumentBuilder();
                }
            }
            try {
                return b.parse(new InputSource(new StringReader(xhtml)));
            } finally {
                b.reset();
                IDLE.add(b);
            }
        } catch (ParserConfigurationException | SAXException | IOException e) {
            throw new IllegalArgumentException("Notice template is not well-formed XHTML: " + e.getMessage(), e);
        }
    }
}
