package cn.creditwindow.managers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The bundled service lines file. */
class ServiceLinesTest {
    @Test
    void theBundledFileHoldsBothLandlines() {
        ServiceLines lines = ServiceLines.load();
        assertThat(lines.claimsHotline()).isEqualTo("0755-00000700");
        assertThat(lines.enquiryHotline()).isEqualTo("0755-00000355");
    }

    @Test
    void bothLinesAreRequired() {
        assertThatThrownBy(() -> new ServiceLines(null, "0755-1")).isInstanceOf(NullPointerException.class)
                .hasMessage("claimsHotline");
        assertThatThrownBy(() -> new ServiceLines("0755-1", null)).isInstanceOf(NullPointerException.class)
                .hasMessage("enquiryHotline");
    }
}
