package cn.creditwindow.enrolment;

import static org.assertj.core.api.Assertions.assertThat;

import cn.creditwindow.PdfText;
import cn.creditwindow.pdf.PdfRenderer;
import cn.creditwindow.schemes.Scheme;
import cn.creditwindow.schemes.Schemes;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

/** The application form as pdftotext reads it, for each bundled scheme. */
class EnrolmentPdfsIT {
    private final EnrolmentPdfs pdfs = new EnrolmentPdfs(PdfRenderer.withDefaultFont(Clock.systemUTC()),
            new Insurer("中国出口信用保险公司", "China Export & Credit Insurance Corporation", "CW-INS-0001"),
            ZoneId.of("Asia/Shanghai"));
    private final Schemes schemes = Schemes.load();

    // #13: the application form of a Henan medium policy was titled 投保单（小微企业适用）
    @Test
    void theApplicationFormSaysWhichEnterprisesItsSchemeIsFor() {
        assertThat(form("henan-2024-medium")).contains("投保单（中型企业适用）").doesNotContain("小微企业适用");
        assertThat(form("henan-2024-small")).contains("投保单（小微企业适用）");
        assertThat(form("shenzhen-2023")).contains("投保单（中小微企业适用）");
    }

    private String form(String schemeId) {
        Scheme s = schemes.byId(schemeId).orElseThrow();
        Policy p = new Policy(1, 1, "郑州示例机械有限公司", "914101007Q3R8K2M4G", schemeId, 1, PolicyState.PENDING,
                Receipt.PENDING, 800_000_000L, null, 0, null, 15_000_000L, null, "0.80", s.policyYear().start(),
                s.policyYear().end(), null, null, null, null, null, null);
        return PdfText.of(pdfs.applicationForm(p, s, null)).replaceAll("\\s+", "");
    }
}
