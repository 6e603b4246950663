package cn.creditwindow.claims;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Names as given by clients are cleaned for showing and downloading; the disk never sees them. */
class AttachmentNamesTest {
    private static String name(String given, AttachmentType type) {
        return AttachmentNames.display(AttachmentNames.clean(given), type);
    }

    @Test
    void pathsControlAndReservedCharactersGoChineseStays() {
        assertThat(name("C:\\Users\\张三\\Desktop\\发票-INV001.pdf", AttachmentType.PDF)).isEqualTo("发票-INV001.pdf");
        assertThat(name("../../etc/passwd.pdf", AttachmentType.PDF)).isEqualTo("passwd.pdf");
        assertThat(name("合同<1>:\"草稿\"?*|.docx", AttachmentType.DOCX)).isEqualTo("合同1草稿.docx");
        assertThat(name("报关单\u0000\u0007\r\n第一批.pdf", AttachmentType.PDF)).isEqualTo("报关单 第一批.pdf");
        // the right-to-left override would show "invoice\u202Efdp.exe" as "invoiceexe.pdf"
        assertThat(name("invoice\u202Efdp.exe.pdf", AttachmentType.PDF)).isEqualTo("invoicefdp.exe.pdf");
        assertThat(name("  ..损失证明　 文件.. ", AttachmentType.PDF)).isEqualTo("损失证明 文件.pdf");
    }

    @Test
    void nothingLeftIsAttachmentWithTheKindsExtension() {
        assertThat(name(null, AttachmentType.PDF)).isEqualTo("附件.pdf");
        assertThat(name("", AttachmentType.JPEG)).isEqualTo("附件.jpg");
        assertThat(name("../..", AttachmentType.ZIP)).isEqualTo("附件.zip");
        assertThat(name("\u202E", AttachmentType.PNG)).isEqualTo("附件.png");
        assertThat(name("发票", AttachmentType.PDF)).isEqualTo("发票.pdf");
    }

    @Test
    void longNamesAreCutKeepingTheExtension() {
        String longName = "出口信用保险索赔贸易单证".repeat(20) + ".pdf";
        String kept = name(longName, AttachmentType.PDF);
        assertThat(kept.codePointCount(0, kept.length())).isEqualTo(AttachmentNames.MAX_LENGTH);
        assertThat(kept).endsWith(".pdf").startsWith("出口信用保险索赔贸易单证");
        String emoji = "😀".repeat(150) + ".png";
        String cut = name(emoji, AttachmentType.PNG);
        assertThat(cut.codePointCount(0, cut.length())).isEqualTo(AttachmentNames.MAX_LENGTH);
        assertThat(cut).endsWith("😀.png");
        assertThat(name("a".repeat(120), AttachmentType.PDF)).hasSize(AttachmentNames.MAX_LENGTH).endsWith(".pdf");
    }
}
