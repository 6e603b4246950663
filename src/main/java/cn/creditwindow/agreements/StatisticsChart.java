package cn.creditwindow.agreements;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontFormatException;
import java.awt.geom.Rectangle2D;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.text.NumberFormat;
import java.util.Locale;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.CategoryLabelPositions;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.labels.ItemLabelAnchor;
import org.jfree.chart.labels.ItemLabelPosition;
import org.jfree.chart.labels.StandardCategoryItemLabelGenerator;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.chart.text.TextUtils;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.category.DefaultCategoryDataset;
import org.jfree.svg.SVGGraphics2D;
import org.jfree.svg.ViewBox;

/**
 * Draws {@link DataStatistics.Result} as an SVG bar chart (授权数据柱形图): one bar per bucket, labelled with its
 * value as the table under it prints it (US dollars with cents, or the record count), so the two agree. JFreeChart
 * lays the chart out and JFreeSVG writes it; text stays SVG {@code <text>} in {@link #FONT_FAMILY}, which the
 * browser draws with its own Chinese fonts. Text is measured with the Noto Sans SC font the service bundles for its
 * PDFs, so Chinese titles are laid out at their real width on a machine without Chinese fonts. Thread-safe: each
 * call builds its own chart.
 */
public final class StatisticsChart {
    /** The SVG's font-family: Chinese-capable fonts first, then the browser's sans-serif. */
    static final String FONT_FAMILY = "\"Noto Sans SC\", \"Noto Sans CJK SC\", \"Source Han Sans SC\","
            + " \"Microsoft YaHei\", \"PingFang SC\", sans-serif"; // JFreeSVG quotes attributes with '

    private static final String BUNDLED_FONT = "fonts/ttf/NotoSansSC/NotoSansSC-Regular.ttf";
    private static final int WIDTH = 880;
    private static final int HEIGHT = 420;
    private static final Color BAR = new Color(0x1f, 0x6f, 0xb2);

    private final Font font;

    /** A chart drawer measuring text with the bundled Noto Sans SC (AWT's sans-serif where it is absent). */
    public StatisticsChart() {
        this.font = bundledFont();
        // JFreeChart draws rotated text (the value axis's name) as a TextLayout by default, which JFreeSVG writes
        // as glyph outlines; drawString keeps it <text>. The switch is JFreeChart's, process-wide, and nothing else
        // here draws with JFreeChart.
        TextUtils.setUseDrawRotatedStringWorkaround(false);
    }

    private static Font bundledFont() {
        try (InputStream in = StatisticsChart.class.getClassLoader().getResourceAsStream(BUNDLED_FONT)) {
            // absent only when the font jar is left off the class path: the SVG names its fonts by family either
            // way, so only the layout's text widths would be approximate
            return in == null ? new Font(Font.SANS_SERIF, Font.PLAIN, 12) : Font.createFont(Font.TRUETYPE_FONT, in);
        } catch (IOException | FontFormatException e) {
            throw new IllegalStateException("reading the bundled font " + BUNDLED_FONT + ": " + e.getMessage(), e);
        }
    }

    /** The chart as an SVG document, its texts in Chinese ({@code chinese}) or English. */
    public String svg(DataStatistics.Result result, boolean chinese) {
        DataStatistics.Filters f = result.filters();
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        String series = chinese ? f.category().zh() : f.category().en();
        for (DataStatistics.Bucket b : result.buckets()) {
            data.addValue(result.amounts() ? BigDecimal.valueOf(b.measure(), 2) : BigDecimal.valueOf(b.measure()),
                    series, b.label());
        }
        String title = chinese
                ? f.category().zh() + " · " + f.from() + " 至 " + f.to() + " · 按" + f.frequency().zh()
                : f.category().en() + " · " + f.from() + " to " + f.to() + " · by " + f.frequency().en();
        String valueAxis = result.amounts() ? (chinese ? "金额（美元）" : "amount (USD)") : (chinese ? "记录数" : "records");
        JFreeChart chart = ChartFactory.createBarChart(title, chinese ? "期间" : "period", valueAxis, data,
                PlotOrientation.VERTICAL, false, false, false);
        style(chart, result.amounts() ? usd() : records(), result.buckets().size());
        SVGGraphics2D g = new SVGGraphics2D(WIDTH, HEIGHT);
        g.setFontFunction(family -> FONT_FAMILY);
        chart.draw(g, new Rectangle2D.Double(0, 0, WIDTH, HEIGHT));
        // a viewBox, so the page can scale the chart down to a phone's width
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                + g.getSVGElement(null, true, new ViewBox(0, 0, WIDTH, HEIGHT), null, null);
    }

    private void style(JFreeChart chart, NumberFormat format, int buckets) {
        chart.setBackgroundPaint(Color.WHITE);
        chart.getTitle().setFont(font.deriveFont(Font.PLAIN, 16f));
        CategoryPlot plot = chart.getCategoryPlot();
        plot.setBackgroundPaint(Color.WHITE);
        plot.setRangeGridlinePaint(new Color(0xdd, 0xdd, 0xdd));
        plot.setRangeGridlineStroke(new BasicStroke(1f));
        plot.setOutlineVisible(false);
        CategoryAxis period = plot.getDomainAxis();
        period.setLabelFont(font.deriveFont(13f));
        period.setTickLabelFont(font.deriveFont(11f));
        if (buckets > 12) {
            period.setCategoryLabelPositions(CategoryLabelPositions.UP_45);
        }
        NumberAxis value = (NumberAxis) plot.getRangeAxis();
        value.setLabelFont(font.deriveFont(13f));
        value.setTickLabelFont(font.deriveFont(11f));
        // whole dollars on the axis; the bars' labels carry the cents
        value.setNumberFormatOverride(new DecimalFormat("#,##0", DecimalFormatSymbols.getInstance(Locale.ROOT)));
        value.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        value.setUpperMargin(0.12); // room for the labels above the highest bar
        BarRenderer bars = (BarRenderer) plot.getRenderer();
        bars.setBarPainter(new StandardBarPainter());
        bars.setShadowVisible(false);
        bars.setSeriesPaint(0, BAR);
        bars.setMaximumBarWidth(0.08);
        bars.setDefaultItemLabelGenerator(new StandardCategoryItemLabelGenerator("{2}", format));
        bars.setDefaultItemLabelFont(font.deriveFont(buckets > 12 ? 9f : 11f));
        bars.setDefaultItemLabelsVisible(true);
        bars.setDefaultPositiveItemLabelPosition(new ItemLabelPosition(ItemLabelAnchor.OUTSIDE12,
                TextAnchor.BOTTOM_CENTER));
    }

    /** Dollars as the table prints them: {@code 1,500,000.00}. */
    static NumberFormat usd() {
        return new DecimalFormat("#,##0.00", DecimalFormatSymbols.getInstance(Locale.ROOT));
    }

    /** Record counts as the table prints them: {@code 1234}. */
    static NumberFormat records() {
        return new DecimalFormat("0", DecimalFormatSymbols.getInstance(Locale.ROOT));
    }
}
