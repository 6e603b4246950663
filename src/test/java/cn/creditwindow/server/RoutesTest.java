package cn.creditwindow.server;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Which paths are answered as the API (JSON errors, 401 instead of a sign-in redirect) and which as pages. */
class RoutesTest {
    @Test
    void theApiTreeIsTheApi() {
        assertThat(Routes.isApi("/api")).isTrue();
        assertThat(Routes.isApi("/api/")).isTrue();
        assertThat(Routes.isApi("/api/claims/3")).isTrue();
    }

    @Test
    void theSystemEndpointsAreAnsweredAsTheApi() {
        assertThat(Routes.isApi("/health")).isTrue();
        assertThat(Routes.isApi("/metrics")).isTrue();
        assertThat(Routes.isApi("/openapi.json")).isTrue();
        assertThat(Routes.isApi("/api-docs")).isTrue();
    }

    @Test
    void pagesAndLookAlikesAreNot() {
        assertThat(Routes.isApi("/")).isFalse();
        assertThat(Routes.isApi("/claims")).isFalse();
        assertThat(Routes.isApi("/apis")).isFalse();
        assertThat(Routes.isApi("/api-docs/index.html")).isFalse();
        assertThat(Routes.isApi("/healthz")).isFalse();
        assertThat(Routes.isApi("/service/api")).isFalse();
        assertThat(Routes.isApi("/API/claims")).isFalse();
    }
}
