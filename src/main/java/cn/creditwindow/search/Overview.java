package cn.creditwindow.search;

import java.util.List;

/** The newest matches of every module, with each module's total: the manual's four panels. */
public record Overview(List<ModulePanel> modules) {

    /** One module's total and newest matches (empty when nothing matched). */
    public record ModulePanel(Module module, long total, List<Hit> items) {
    }
}
