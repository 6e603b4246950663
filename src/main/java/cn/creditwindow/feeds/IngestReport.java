package cn.creditwindow.feeds;

import java.util.ArrayList;
import java.util.List;

/**
 * What one ingestion did: how many files were read, what happened to their items, and what was
 * left out and why. Reports of several files add up with {@link #plus}.
 *
 * @param files          feed files (or posted documents) looked at
 * @param filesUnchanged of those, files skipped because their content was ingested before
 * @param failedFiles    documents that could not be read at all, with the reason
 * @param itemsNew       items stored for the first time
 * @param itemsUpdated   items that replaced an earlier version
 * @param itemsUnchanged items that were already stored as they are
 * @param itemsWithdrawn items left out because the insurer withdrew them (they stay out of the index)
 * @param rejectedItems  items left out, with the reason
 * @param warnings       things kept but worth knowing (an unknown country tag, an attachment outside feeds/)
 */
public record IngestReport(
        int files,
        int filesUnchanged,
        List<FileProblem> failedFiles,
        int itemsNew,
        int itemsUpdated,
        int itemsUnchanged,
        int itemsWithdrawn,
        List<ItemProblem> rejectedItems,
        List<String> warnings) {

    /** A document that could not be read. */
    public record FileProblem(String file, String reason) {
    }

    /** An item that was left out: {@code position} is 1-based within its document. */
    public record ItemProblem(String file, int position, String item, String reason) {
    }

    public IngestReport {
        failedFiles = List.copyOf(failedFiles);
        rejectedItems = List.copyOf(rejectedItems);
        warnings = List.copyOf(warnings);
    }

    public static IngestReport empty() {
        return new IngestReport(0, 0, List.of(), 0, 0, 0, 0, List.of(), List.of());
    }

    static IngestReport unchangedFile() {
        return new IngestReport(1, 1, List.of(), 0, 0, 0, 0, List.of(), List.of());
    }

    static IngestReport failedFile(String file, String reason) {
        return new IngestReport(1, 0, List.of(new FileProblem(file, reason)), 0, 0, 0, 0, List.of(), List.of());
    }

    public IngestReport plus(IngestReport other) {
        return new IngestReport(files + other.files, filesUnchanged + other.filesUnchanged,
                concat(failedFiles, other.failedFiles), itemsNew + other.itemsNew,
                itemsUpdated + other.itemsUpdated, itemsUnchanged + other.itemsUnchanged,
                itemsWithdrawn + other.itemsWithdrawn, concat(rejectedItems, other.rejectedItems),
                concat(warnings, other.warnings));
    }

    /** True when there was something to read and none of it could be read. */
    public boolean nothingRead() {
        return files == 0 || failedFiles.size() == files;
    }

    /** Items stored or confirmed, i.e. neither rejected nor withdrawn. */
    public int itemsAccepted() {
        return itemsNew + itemsUpdated + itemsUnchanged;
    }

    private static <T> List<T> concat(List<T> a, List<T> b) {
        List<T> out = new ArrayList<>(a.size() + b.size());
        out.addAll(a);
        out.addAll(b);
        return out;
    }
}
