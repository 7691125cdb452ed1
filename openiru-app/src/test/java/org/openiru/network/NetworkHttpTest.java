package org.openiru.network;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.SchemaFactory;
import javax.xml.validation.Validator;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openiru.app.Json;
import org.openiru.audit.Actor;
import org.openiru.auth.Role;
import org.openiru.ingest.IngestRun;
import org.openiru.testing.TestApp;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.xml.sax.SAXParseException;

/**
 * The network's routes over HTTP: who may see them, the graph data, the pages with a hostile display name
 * escaped, the takedown page with its form to an action day, the GEXF and GraphML exports, and the rebuild
 * button's job and audit record.
 */
class NetworkHttpTest {
    private static final String HOSTILE = "<script>alert(1)</script> Hub [synthetic]";
    private static TestApp t;
    private static String analyst;
    private static long hub;
    private static long telegram;

    @BeforeAll
    static void start() throws Exception {
        t = TestApp.start();
        telegram = TestApp.telegramPlatform(t.app);
        SyntheticNetwork synthetic = new SyntheticNetwork(30, 2, 5);
        try (IngestRun run = t.app.ingest.begin(Actor.system("test"), "api", "synthetic [synthetic]", "")) {
            synthetic.ingest(run, telegram, 3, Instant.parse("2026-11-01T00:00:00Z"));
            run.finish(null);
        }
        hub = t.app.db.jdbi().withHandle(h -> h.createQuery("UPDATE actors SET display_name = ? "
                + "WHERE handle = 'synthetic_hub_0' RETURNING id").bind(0, HOSTILE).mapTo(Long.class).one());
        t.app.db.jdbi().useHandle(h -> h.execute("INSERT INTO action_days (unit_id, name, starts_at, ends_at, created_at) "
                + "VALUES (?, ?, now(), now() + interval '1 day', now())", t.unit.id(), "Day <b>one</b> [synthetic]"));
        t.app.network.rebuild(Actor.system("test"));
        analyst = "Bearer " + t.token(t.user("net-analyst", Role.ANALYST));
    }

    @AfterAll
    static void stop() {
        t.close();
    }

    private static HttpResponse<String> get(String path, String auth) throws Exception {
        return t.get(TestApp.browserlessClient(), path, "Authorization", auth);
    }

    @Test
    void platformUsersAndAnonymousCallersSeeNoNetwork() throws Exception {
        String platform = "Bearer " + t.token(t.platformUser("net-platform", telegram));
        assertThat(get("/network", platform).statusCode()).isEqualTo(403);
        assertThat(get("/api/v1/network/graph", platform).statusCode()).isEqualTo(403);
        assertThat(t.get(TestApp.browserlessClient(), "/api/v1/network/graph").statusCode()).isEqualTo(401);
    }

    @Test
    void theGraphDataHasTheTopActorsAndTheirEdges() throws Exception {
        HttpResponse<String> r = get("/api/v1/network/graph?limit=5", analyst);
        assertThat(r.statusCode()).isEqualTo(200);
        JsonNode body = Json.MAPPER.readTree(r.body());
        assertThat(body.get("nodes")).hasSize(5);
        assertThat(body.get("nodes").get(0).get("rank").asInt()).isEqualTo(1);
        assertThat(body.get("edges").size()).isPositive();
        assertThat(get("/api/v1/network/graph?limit=0", analyst).body()).contains("\"field\":\"limit\"");
        assertThat(get("/api/v1/network/graph?from=2026-12-02&to=2026-12-01", analyst).body())
                .contains("\"field\":\"from\"");
        // a period without any edge leaves no actor
        JsonNode empty = Json.MAPPER.readTree(get("/api/v1/network/graph?from=2020-01-01&to=2020-01-02", analyst)
                .body());
        assertThat(empty.get("nodes")).isEmpty();
    }

    @Test
    void pagesEscapeNamesAndLinkTheActorPages() throws Exception {
        String page = get("/network", analyst).body();
        assertThat(page).contains("&lt;script&gt;alert(1)&lt;/script&gt;").doesNotContain(HOSTILE);
        assertThat(page).contains("/network/actors/" + hub).contains("/static/network.js")
                .contains("data-graph=\"/api/v1/network/graph?\"");
        String actor = get("/network/actors/" + hub, analyst).body();
        assertThat(actor).contains("data-testid=\"edges-in\"").contains("Channel ")
                .doesNotContain(HOSTILE);
        assertThat(get("/network/actors/999999", analyst).statusCode()).isEqualTo(404);
        assertThat(get("/actors/" + hub, analyst).body()).contains("/network/actors/" + hub);
    }

    @Test
    void takedownShowsTheCutShareTheGreedyListAndTheActionDayForm() throws Exception {
        String page = get("/network/takedown?actor=" + hub, analyst).body();
        assertThat(page).contains("data-testid=\"greedy\"").contains("Day &lt;b&gt;one&lt;/b&gt;")
                .containsPattern("action=\"/action-days/[0-9]+/targets\"").contains("name=\"actor\" value=\"" + hub);
        Takedown.Impact impact = t.app.network.takedown(java.util.List.of(hub), 3);
        assertThat(page).contains(Math.round(impact.share() * 1000) / 10.0 + " %");
        HttpResponse<String> bad = get("/network/takedown?actor=abc", analyst);
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.body()).contains("actor must be an actor id");
    }

    @Test
    void gexfAndGraphmlExportsCarryTheRankedActors() throws Exception {
        int ranked = t.app.db.jdbi().withHandle(h -> h.createQuery("SELECT count(*) FROM network_actor_ranks")
                .mapTo(Integer.class).one());
        String gexfText = get("/network/export.gexf", analyst).body();
        // Valid GEXF 1.3 (src/test/resources/gexf-1.3/gexf.xsd says how that schema was mended), and the schema is
        // strict enough to refuse an edge without its source.
        Validator gexfSchema = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI)
                .newSchema(NetworkHttpTest.class.getResource("/gexf-1.3/gexf.xsd")).newValidator();
        gexfSchema.validate(new StreamSource(new StringReader(gexfText)));
        String broken = gexfText.replaceFirst("<edge id=\"0\" source=\"\\d+\"", "<edge id=\"0\"");
        assertThat(broken).isNotEqualTo(gexfText);
        assertThatThrownBy(() -> gexfSchema.validate(new StreamSource(new StringReader(broken))))
                .isInstanceOf(SAXParseException.class).hasMessageContaining("source");
        Document gexf = xml(gexfText);
        Element root = gexf.getDocumentElement();
        assertThat(root.getNamespaceURI()).isEqualTo("http://gexf.net/1.3");
        assertThat(root.getAttribute("version")).isEqualTo("1.3");
        assertThat(gexf.getElementsByTagNameNS("http://gexf.net/1.3", "node").getLength()).isEqualTo(ranked);
        assertThat(gexf.getElementsByTagNameNS("http://gexf.net/1.3", "edge").getLength()).isPositive();
        Element first = (Element) gexf.getElementsByTagNameNS("http://gexf.net/1.3", "node").item(0);
        assertThat(first.getAttribute("label")).isEqualTo(HOSTILE);
        Document graphml = xml(get("/network/export.graphml", analyst).body());
        assertThat(graphml.getDocumentElement().getNamespaceURI()).isEqualTo("http://graphml.graphdrawing.org/xmlns");
        assertThat(graphml.getElementsByTagNameNS("http://graphml.graphdrawing.org/xmlns", "node").getLength())
                .isEqualTo(ranked);
    }

    @Test
    void theRebuildButtonQueuesAJobAndIsAudited() throws Exception {
        String supervisor = "Bearer " + t.token(t.user("net-supervisor", Role.SUPERVISOR));
        assertThat(t.send(TestApp.browserlessClient(), "POST", "/network/rank", "", null, "Authorization", analyst)
                .statusCode()).isEqualTo(403);
        HttpResponse<String> r = t.send(TestApp.browserlessClient(), "POST", "/network/rank", "", null,
                "Authorization", supervisor);
        assertThat(r.statusCode()).isEqualTo(303);
        int jobs = t.app.db.jdbi().withHandle(h -> h.createQuery("SELECT count(*) FROM jobs WHERE queue = 'network' "
                + "AND idempotency_key LIKE 'manual:%'").mapTo(Integer.class).one());
        assertThat(jobs).isEqualTo(1);
        int audited = t.app.db.jdbi().withHandle(h -> h.createQuery("SELECT count(*) FROM audit_events "
                + "WHERE action = 'network.rebuild_requested'").mapTo(Integer.class).one());
        assertThat(audited).isEqualTo(1);
    }

    private static Document xml(String body) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        return f.newDocumentBuilder().parse(new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8)));
    }
}
