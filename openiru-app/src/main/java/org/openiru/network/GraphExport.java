package org.openiru.network;

import java.io.OutputStream;
import java.time.Instant;
import java.time.ZoneOffset;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import org.jdbi.v3.core.Jdbi;

/**
 * The network as GEXF 1.3 (Gephi) or GraphML, streamed: nodes are the ranked actors that pass the filter with
 * their ranks as attributes, edges those among them with kind, weight and first/last time. Text goes through
 * the XML writer, which escapes it; characters XML cannot carry at all (control characters) are dropped.
 */
final class GraphExport {
    static final String GEXF_NS = "http://gexf.net/1.3";
    static final String GRAPHML_NS = "http://graphml.graphdrawing.org/xmlns";
    private static final String[][] NODE_ATTRS = {{"rank", "integer"}, {"score", "double"}, {"pagerank", "double"},
            {"betweenness", "double"}, {"community", "long"}, {"platform", "string"}, {"first_posts", "integer"},
            {"cases_seeded", "integer"}, {"terrorist_share", "double"}};
    private static final String[][] EDGE_ATTRS = {{"kind", "string"}, {"first_at", "string"}, {"last_at", "string"}};

    private final Jdbi jdbi;
    private final NetworkQueries queries;

    GraphExport(Jdbi jdbi, NetworkQueries queries) {
        this.jdbi = jdbi;
        this.queries = queries;
    }

    /** A document whose root element is in {@code ns}, the default namespace of every element below it. */
    private static XMLStreamWriter open(OutputStream out, String ns, String root) throws XMLStreamException {
        XMLStreamWriter x = XMLOutputFactory.newFactory().createXMLStreamWriter(out, "UTF-8");
        x.writeStartDocument("UTF-8", "1.0");
        x.setDefaultNamespace(ns);
        x.writeStartElement(ns, root);
        x.writeDefaultNamespace(ns);
        return x;
    }

    void gexf(NetworkFilter f, OutputStream out) throws XMLStreamException {
        XMLStreamWriter x = open(out, GEXF_NS, "gexf");
        x.writeAttribute("version", "1.3");
        x.writeStartElement("meta");
        x.writeAttribute("lastmodifieddate", Instant.now().atOffset(ZoneOffset.UTC).toLocalDate().toString());
        element(x, "creator", "OpenIRU");
        element(x, "description", "Distributor network (docs/network.md)");
        x.writeEndElement();
        x.writeStartElement("graph");
        x.writeAttribute("defaultedgetype", "directed");
        gexfAttributes(x, "node", NODE_ATTRS);
        gexfAttributes(x, "edge", EDGE_ATTRS);
        jdbi.useTransaction(h -> {
            x.writeStartElement("nodes");
            queries.eachRanked(h, f, r -> write(() -> {
                x.writeStartElement("node");
                x.writeAttribute("id", Long.toString(r.actorId()));
                x.writeAttribute("label", clean(r.name()));
                x.writeStartElement("attvalues");
                Object[] values = nodeValues(r);
                for (int i = 0; i < values.length; i++) {
                    if (values[i] != null) {
                        x.writeEmptyElement("attvalue");
                        x.writeAttribute("for", NODE_ATTRS[i][0]);
                        x.writeAttribute("value", clean(values[i].toString()));
                    }
                }
                x.writeEndElement();
                x.writeEndElement();
            }));
            x.writeEndElement();
            x.writeStartElement("edges");
            long[] id = {0};
            queries.eachEdge(h, f, e -> write(() -> {
                x.writeStartElement("edge");
                x.writeAttribute("id", Long.toString(id[0]++));
                x.writeAttribute("source", Long.toString(e.source()));
                x.writeAttribute("target", Long.toString(e.target()));
                x.writeAttribute("weight", Long.toString(e.weight()));
                x.writeAttribute("kind", e.kind());
                x.writeStartElement("attvalues");
                Object[] values = {e.kind(), e.firstAt(), e.lastAt()};
                for (int i = 0; i < values.length; i++) {
                    if (values[i] != null) {
                        x.writeEmptyElement("attvalue");
                        x.writeAttribute("for", EDGE_ATTRS[i][0]);
                        x.writeAttribute("value", values[i].toString());
                    }
                }
                x.writeEndElement();
                x.writeEndElement();
            }));
            x.writeEndElement();
        });
        x.writeEndElement();
        x.writeEndElement();
        x.writeEndDocument();
        x.close();
    }

    void graphml(NetworkFilter f, OutputStream out) throws XMLStreamException {
        XMLStreamWriter x = open(out, GRAPHML_NS, "graphml");
        graphmlKeys(x, "node", new String[][] {{"label", "string"}});
        graphmlKeys(x, "node", NODE_ATTRS);
        graphmlKeys(x, "edge", new String[][] {{"weight", "long"}});
        graphmlKeys(x, "edge", EDGE_ATTRS);
        x.writeStartElement("graph");
        x.writeAttribute("id", "network");
        x.writeAttribute("edgedefault", "directed");
        jdbi.useTransaction(h -> {
            queries.eachRanked(h, f, r -> write(() -> {
                x.writeStartElement("node");
                x.writeAttribute("id", "n" + r.actorId());
                data(x, "node_label", clean(r.name()));
                Object[] values = nodeValues(r);
                for (int i = 0; i < values.length; i++) {
                    if (values[i] != null) {
                        data(x, "node_" + NODE_ATTRS[i][0], clean(values[i].toString()));
                    }
                }
                x.writeEndElement();
            }));
            queries.eachEdge(h, f, e -> write(() -> {
                x.writeStartElement("edge");
                x.writeAttribute("source", "n" + e.source());
                x.writeAttribute("target", "n" + e.target());
                data(x, "edge_weight", Long.toString(e.weight()));
                Object[] values = {e.kind(), e.firstAt(), e.lastAt()};
                for (int i = 0; i < values.length; i++) {
                    if (values[i] != null) {
                        data(x, "edge_" + EDGE_ATTRS[i][0], values[i].toString());
                    }
                }
                x.writeEndElement();
            }));
        });
        x.writeEndElement();
        x.writeEndElement();
        x.writeEndDocument();
        x.close();
    }

    private static Object[] nodeValues(NetworkQueries.Ranked r) {
        return new Object[] {r.rank(), r.score(), r.pagerank(), r.betweenness(), r.community(), r.platform(),
                r.firstPosts(), r.casesSeeded(), r.terroristShare()};
    }

    private static void gexfAttributes(XMLStreamWriter x, String cls, String[][] attrs) throws XMLStreamException {
        x.writeStartElement("attributes");
        x.writeAttribute("class", cls);
        for (String[] a : attrs) {
            x.writeEmptyElement("attribute");
            x.writeAttribute("id", a[0]);
            x.writeAttribute("title", a[0]);
            x.writeAttribute("type", a[1]);
        }
        x.writeEndElement();
    }

    private static void graphmlKeys(XMLStreamWriter x, String cls, String[][] attrs) throws XMLStreamException {
        for (String[] a : attrs) {
            x.writeEmptyElement("key");
            x.writeAttribute("id", cls + "_" + a[0]);
            x.writeAttribute("for", cls);
            x.writeAttribute("attr.name", a[0]);
            x.writeAttribute("attr.type", a[1]);
        }
    }

    private static void element(XMLStreamWriter x, String name, String text) throws XMLStreamException {
        x.writeStartElement(name);
        x.writeCharacters(text);
        x.writeEndElement();
    }

    private static void data(XMLStreamWriter x, String key, String value) throws XMLStreamException {
        x.writeStartElement("data");
        x.writeAttribute("key", key);
        x.writeCharacters(value);
        x.writeEndElement();
    }

    /** Drops the characters XML 1.0 cannot carry (a hostile display name must not break the file). */
    static String clean(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder b = new StringBuilder(s.length());
        s.codePoints().filter(c -> c == 0x9 || c == 0xA || c == 0xD || c >= 0x20 && c <= 0xD7FF
                || c >= 0xE000 && c <= 0xFFFD || c >= 0x10000 && c <= 0x10FFFF).forEach(b::appendCodePoint);
        return b.toString();
    }

    private interface XmlStep {
        void run() throws XMLStreamException;
    }

    private static void write(XmlStep step) {
        try {
            step.run();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("writing the export failed: " + e.getMessage(), e);
        }
    }
}
