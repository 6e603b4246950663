package cn.creditwindow.claims;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A file's kind comes from its first bytes; the extension must agree; Office 2007 files are looked into. */
class AttachmentTypeTest {
    @TempDir
    Path dir;

    private AttachmentType.Detection detect(byte[] content, String name) throws IOException {
        Path f = Files.write(dir.resolve("f" + System.nanoTime()), content);
        return AttachmentType.detect(Arrays.copyOf(content, Math.min(content.length, AttachmentType.HEAD_BYTES)),
                AttachmentType.extensionOf(name), f);
    }

    static byte[] bytes(int... v) {
        byte[] out = new byte[v.length];
        for (int i = 0; i < v.length; i++) {
            out[i] = (byte) v[i];
        }
        return out;
    }

    static byte[] withTail(byte[] head) {
        return Arrays.copyOf(head, 64);
    }

    @Test
    void eachAllowedKindIsKnownByItsFirstBytes() throws IOException {
        assertThat(detect("%PDF-1.7\n%âãÏÓ\n".getBytes(StandardCharsets.ISO_8859_1), "发票.pdf").type())
                .isEqualTo(AttachmentType.PDF);
        assertThat(detect(withTail(bytes(0xFF, 0xD8, 0xFF, 0xE0)), "scan.JPG").type()).isEqualTo(AttachmentType.JPEG);
        assertThat(detect(withTail(bytes(0xFF, 0xD8, 0xFF, 0xE1)), "scan.jpeg").type()).isEqualTo(AttachmentType.JPEG);
        assertThat(detect(withTail(bytes(0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A)), "a.png").type())
                .isEqualTo(AttachmentType.PNG);
        assertThat(detect(withTail("GIF89a".getBytes(StandardCharsets.US_ASCII)), "a.gif").type())
                .isEqualTo(AttachmentType.GIF);
        assertThat(detect(withTail(bytes('I', 'I', 42, 0)), "a.tif").type()).isEqualTo(AttachmentType.TIFF);
        assertThat(detect(withTail(bytes('M', 'M', 0, 42)), "a.tiff").type()).isEqualTo(AttachmentType.TIFF);
        assertThat(detect(withTail(bytes('B', 'M', 0x36, 0, 0, 0, 0, 0, 0, 0, 0x36, 0, 0, 0)), "a.bmp").type())
                .isEqualTo(AttachmentType.BMP);
        assertThat(detect(withTail(bytes('R', 'I', 'F', 'F', 1, 0, 0, 0, 'W', 'E', 'B', 'P')), "a.webp").type())
                .isEqualTo(AttachmentType.WEBP);
        byte[] ole2 = withTail(bytes(0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1));
        assertThat(detect(ole2, "合同.doc").type()).isEqualTo(AttachmentType.DOC);
        assertThat(detect(ole2, "清单.xls").type()).isEqualTo(AttachmentType.XLS);
        assertThat(detect(ole2, "说明.ppt").type()).isEqualTo(AttachmentType.PPT);
    }

    @Test
    void officeDocumentsAreZipsWithTheirParts() throws IOException {
        byte[] docx = zip("[Content_Types].xml", "word/document.xml");
        byte[] xlsx = zip("[Content_Types].xml", "xl/workbook.xml");
        byte[] plain = zip("发票/INV001.pdf");
        assertThat(detect(docx, "案情说明.docx").type()).isEqualTo(AttachmentType.DOCX);
        assertThat(detect(xlsx, "清单.xlsx").type()).isEqualTo(AttachmentType.XLSX);
        assertThat(detect(zip("[Content_Types].xml", "ppt/presentation.xml"), "a.pptx").type())
                .isEqualTo(AttachmentType.PPTX);
        assertThat(detect(plain, "单证.zip").type()).isEqualTo(AttachmentType.ZIP);
        assertThat(detect(docx, "单证.zip").type()).as("a .docx is a ZIP too").isEqualTo(AttachmentType.ZIP);
        AttachmentType.Detection notWord = detect(plain, "伪装.docx");
        assertThat(notWord.ok()).isFalse();
        assertThat(notWord.en()).contains("[Content_Types].xml", "word/");
        assertThat(detect(xlsx, "a.docx").ok()).as("an Excel file named .docx").isFalse();
        AttachmentType.Detection broken = detect(withTail(bytes('P', 'K', 3, 4, 20, 0)), "broken.zip");
        assertThat(broken.ok()).isFalse();
        assertThat(broken.zh()).contains("不是有效的 ZIP 压缩包");
    }

    @Test
    void anythingElseOrAMismatchedExtensionIsRefusedNamingTheAllowedKinds() throws IOException {
        AttachmentType.Detection exe = detect(withTail(bytes('M', 'Z', 0x90, 0)), "发票.pdf");
        assertThat(exe.ok()).isFalse();
        assertThat(exe.zh()).contains("文件类型不允许", "PDF", "JPEG", ".docx", "ZIP");
        assertThat(exe.en()).contains("not allowed", "PDF", "Office documents", "ZIP archives");
        assertThat(detect("<!DOCTYPE html><html><script>alert(1)</script>".getBytes(StandardCharsets.UTF_8), "a.pdf")
                .ok()).isFalse();
        assertThat(detect("<svg xmlns=\"http://www.w3.org/2000/svg\" onload=\"alert(1)\"/>".getBytes(StandardCharsets.UTF_8),
                "a.svg").ok()).isFalse();
        assertThat(detect(withTail(bytes('B', 'M', 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12)), "a.bmp").ok())
                .as("BM followed by anything is not a bitmap").isFalse();
        AttachmentType.Detection renamed = detect("%PDF-1.4\n".getBytes(StandardCharsets.US_ASCII), "invoice.exe");
        assertThat(renamed.ok()).isFalse();
        assertThat(renamed.zh()).contains(".exe", "与文件内容（PDF）不符");
        assertThat(renamed.en()).contains("the extension .exe does not match the file's content (PDF)");
        assertThat(detect(withTail(bytes(0xFF, 0xD8, 0xFF, 0xE0)), "scan.png").ok()).isFalse();
    }

    @Test
    void aNameWithoutAnExtensionTakesTheKindFound() throws IOException {
        assertThat(detect("%PDF-1.4\n".getBytes(StandardCharsets.US_ASCII), "发票").type()).isEqualTo(AttachmentType.PDF);
        assertThat(AttachmentType.extensionOf("发票")).isNull();
        assertThat(AttachmentType.extensionOf("a.tar.GZ")).isEqualTo("gz");
        assertThat(AttachmentType.extensionOf("ends-with-dot.")).isNull();
    }

    private byte[] zip(String... entries) throws IOException {
        Path f = dir.resolve("z" + System.nanoTime() + ".zip");
        try (OutputStream out = Files.newOutputStream(f); ZipOutputStream z = new ZipOutputStream(out)) {
            for (String e : entries) {
                z.putNextEntry(new ZipEntry(e));
                z.write(("content of " + e).getBytes(StandardCharsets.UTF_8));
                z.closeEntry();
            }
        }
        return Files.readAllBytes(f);
    }
}
