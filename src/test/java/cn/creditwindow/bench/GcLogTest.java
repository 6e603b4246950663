package cn.creditwindow.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The GC log of a window server under search18's load (JDK 17, G1, {@code -Xlog:gc:file=…}): #18. */
class GcLogTest {
    private static final Path LOG = Path.of("src/test/resources/bench/g1-gc.log");

    @Test
    void countsEveryStopTheWorldPauseAndTheCompletedMarkingCycles() throws Exception {
        GcLog.Summary all = GcLog.since(LOG, 0);

        assertThat(all.pauses()).isEqualTo(11); // 7 young, 2 remark, 2 cleanup
        assertThat(all.maxPauseMs()).isCloseTo(131.638, within(1e-9));
        assertThat(all.concurrentCycles()).isEqualTo(2);
        assertThat(all.fullPauses()).isZero();
    }

    @Test
    void readsOnlyWhatCameAfterTheMark() throws Exception {
        String text = Files.readString(LOG, StandardCharsets.UTF_8);
        long mark = text.substring(0, text.indexOf("[11.706s]")).getBytes(StandardCharsets.UTF_8).length;

        GcLog.Summary after = GcLog.since(LOG, mark);

        assertThat(after.pauses()).isEqualTo(3);
        assertThat(after.maxPauseMs()).isCloseTo(68.255, within(1e-9));
        assertThat(after.totalPauseMs()).isCloseTo(68.255 + 6.367 + 0.038, within(1e-9));
        assertThat(after.concurrentCycles()).isEqualTo(1);
    }
}
