package cn.creditwindow.server;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Properties;

/**
 * The API's description: {@code openapi.json} (written by hand beside the routes and checked
 * against them by a test) and a Swagger UI page for it, from the swagger-ui webjar.
 */
final class ApiDocs {
    private final byte[] openApi;
    private final String page;

    ApiDocs() {
        openApi = resource("/web/openapi.json");
        page = new String(resource("/web/api-docs.html"), StandardCharsets.UTF_8)
                .replace("${version}", swaggerUiVersion());
    }

    byte[] openApi() {
        return openApi;
    }

    String page() {
        return page;
    }

    private static String swaggerUiVersion() {
        Properties p = new Properties();
        try (InputStream in = ApiDocs.class.getResourceAsStream("/META-INF/maven/org.webjars/swagger-ui/pom.properties")) {
            if (in == null) {
                throw new IllegalStateException("the swagger-ui webjar is missing from the classpath");
            }
            p.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException("reading the swagger-ui version", e);
        }
        return p.getProperty("version");
    }

    private static byte[] resource(String name) {
        try (InputStream in = ApiDocs.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("reading " + name, e);
        }
    }
}
