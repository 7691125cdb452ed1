package org.openiru.web;

import io.javalin.security.RouteRole;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.openiru.auth.Role;

/** The OpenAPI 3 document, made from the route registry so that it lists every route there is. */
public final class OpenApi {
    private static final Pattern PATH_PARAM = Pattern.compile("\\{([^}]+)}");

    private OpenApi() {
    }

    public static Map<String, Object> document(Routes routes, String version) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("openapi", "3.0.3");
        doc.put("info", Map.of("title", "OpenIRU", "version", version,
                "description", "Routes of an OpenIRU service. JSON routes take a bearer token "
                        + "(Authorization: Bearer oiru_…) or the browser session with its CSRF token. "
                        + "Errors are {\"error\":{\"code\",\"message\",\"field\"}}."));
        Map<String, Object> paths = new TreeMap<>();
        for (Routes.Route r : routes.all()) {
            @SuppressWarnings("unchecked")
            Map<String, Object> item = (Map<String, Object>) paths.computeIfAbsent(r.path(),
                    p -> new LinkedHashMap<String, Object>());
            item.put(r.method().name().toLowerCase(Locale.ROOT), operation(r));
        }
        doc.put("paths", paths);
        doc.put("components", Map.of(
                "securitySchemes", Map.of(
                        "bearer", Map.of("type", "http", "scheme", "bearer"),
                        "session", Map.of("type", "apiKey", "in", "cookie", "name", "openiru_session")),
                "schemas", Map.of("Error", Map.of("type", "object", "properties", Map.of("error", Map.of(
                        "type", "object", "properties", Map.of(
                                "code", Map.of("type", "string"),
                                "message", Map.of("type", "string"),
                                "field", Map.of("type", "string", "nullable", true))))))));
        return doc;
    }

    private static Map<String, Object> operation(Routes.Route r) {
        Map<String, Object> op = new LinkedHashMap<>();
        op.put("summary", r.summary());
        op.put("tags", List.of(r.tag()));
        List<String> roles = r.roles().stream().map(OpenApi::roleName).sorted().toList();
        op.put("x-openiru-access", roles);
        List<Map<String, Object>> params = new ArrayList<>();
        Matcher m = PATH_PARAM.matcher(r.path());
        while (m.find()) {
            params.add(Map.of("name", m.group(1), "in", "path", "required", true, "schema", Map.of("type", "string")));
        }
        if (!params.isEmpty()) {
            op.put("parameters", params);
        }
        if (!r.roles().contains(Access.PUBLIC)) {
            op.put("security", List.of(Map.of("bearer", List.of()), Map.of("session", List.of())));
        }
        Map<String, Object> responses = new LinkedHashMap<>();
        responses.put("200", Map.of("description", r.api() ? "JSON" : "HTML page or redirect"));
        Map<String, Object> errorContent = Map.of("application/json",
                Map.of("schema", Map.of("$ref", "#/components/schemas/Error")));
        responses.put("4XX", Map.of("description", "Refused or invalid", "content", errorContent));
        op.put("responses", responses);
        return op;
    }

    private static String roleName(RouteRole r) {
        return r instanceof Role role ? role.id() : r.toString().toLowerCase(Locale.ROOT);
    }
}
