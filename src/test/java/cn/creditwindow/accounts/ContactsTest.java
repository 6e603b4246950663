package cn.creditwindow.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ContactsTest {
    @Test
    void acceptsMainlandMobilesWithOrWithoutPrefixAndSpaces() {
        for (String ok : new String[]{"13800138000", "19912345678", "+86 138 0013 8000", "0086-13800138000"}) {
            assertThat(Contacts.checkMobile("mobile", ok)).as(ok).isEmpty();
        }
        assertThat(Contacts.normaliseMobile("+86 138-0013-8000")).isEqualTo("13800138000");
    }

    @Test
    void refusesOtherNumbers() {
        for (String bad : new String[]{"12800138000", "1380013800", "138001380001", "0755-83165355", "abc", ""}) {
            assertThat(Contacts.checkMobile("mobile", bad)).as(bad).hasValueSatisfying(e -> {
                assertThat(e.field()).isEqualTo("mobile");
                assertThat(e.zh()).isNotBlank();
                assertThat(e.en()).isNotBlank();
            });
        }
    }

    @Test
    void ordinaryAddressesWithDashAndUnderscoreAreValid() {
        for (String ok : new String[]{"li_ming@example.com", "li-ming@mail.example.com.cn", "a.b+c@ex-ample.cn"}) {
            assertThat(Contacts.checkEmail("email", ok)).as(ok).isEmpty();
        }
        for (String bad : new String[]{"li ming@example.com", "li@", "@example.com", "li@example", "a..b@example.com",
                "li@-example.com"}) {
            assertThat(Contacts.checkEmail("email", bad)).as(bad).isPresent();
        }
    }
}
