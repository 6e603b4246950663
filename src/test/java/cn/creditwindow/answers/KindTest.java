package cn.creditwindow.answers;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.creditwindow.notify.Notice;
import cn.creditwindow.text.Names;
import java.util.List;
import java.util.function.BiFunction;
import org.junit.jupiter.api.Test;

/** A kind's table and columns are written into SQL, so only plain names pass; its two states must differ. #15 */
class KindTest {
    enum Stage implements State {
        WAITING, DONE;

        @Override
        public Names names() {
            return new Names(name(), name());
        }
    }

    record Note(long id, long enterpriseId, Stage state) implements Submission<Stage> {
    }

    private static final BiFunction<Note, String, List<Notice>> NONE = (n, a) -> List.of();
    private static final Words<Note> WORDS = new Words<>("note", "便条", "staff only", "仅员工", "write it", "请填写",
            n -> "done", n -> "已完成");

    @Test
    void aNameThatIsNotAPlainSqlNameIsRefused() {
        assertThatThrownBy(() -> new Kind<>("notes; DROP TABLE users", "answer", "answered_by", "answered_at",
                Stage.WAITING, Stage.DONE, r -> null, WORDS, NONE)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("notes; DROP TABLE users");
        assertThatThrownBy(() -> new Kind<>("notes", "answer", null, "answered_at", Stage.WAITING, Stage.DONE,
                r -> null, WORDS, NONE)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theWaitingAndTheAnsweredStateMustDiffer() {
        assertThatThrownBy(() -> new Kind<>("notes", "answer", "answered_by", "answered_at", Stage.DONE, Stage.DONE,
                r -> null, WORDS, NONE)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("DONE");
    }
}
