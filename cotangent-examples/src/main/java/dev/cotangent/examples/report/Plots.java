package dev.cotangent.examples.report;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.lines.SeriesLines;
import org.knowm.xchart.style.markers.Marker;
import org.knowm.xchart.style.markers.SeriesMarkers;

/** Line and scatter plots written as PNG files with XChart (headless). */
public final class Plots {
    static {
        System.setProperty("java.awt.headless", "true");
    }

    private Plots() {}

    /** A series: its x and y values. */
    public record Series(double[] x, double[] y) {
        Series swap() {
            return new Series(y, x);
        }

        /** y against 0, 1, 2, ... */
        public static Series of(double[] y) {
            double[] x = new double[y.length];
            for (int i = 0; i < x.length; i++) x[i] = i;
            return new Series(x, y);
        }

        /** y against 1, 2, 3, ... (epochs). */
        public static Series ofEpochs(java.util.List<Double> y) {
            double[] xs = new double[y.size()];
            double[] ys = new double[y.size()];
            for (int i = 0; i < xs.length; i++) {
                xs[i] = i + 1;
                ys[i] = y.get(i);
            }
            return new Series(xs, ys);
        }
    }

    /** Curves, one per entry of {@code series}, in its order; a logarithmic y axis if {@code logY}. */
    public static void lines(Path file, String title, String xTitle, String yTitle, Map<String, Series> series,
                             boolean logY) {
        lines(file, title, xTitle, yTitle, series, false, logY);
    }

    /** Curves with a choice of logarithmic axes (points ≤ 0 are dropped on a logarithmic axis). */
    public static void lines(Path file, String title, String xTitle, String yTitle, Map<String, Series> series,
                             boolean logX, boolean logY) {
        XYChart chart = chart(title, xTitle, yTitle);
        chart.getStyler().setXAxisLogarithmic(logX);
        chart.getStyler().setYAxisLogarithmic(logY);
        int i = 0;
        for (Map.Entry<String, Series> e : series.entrySet()) {
            Series s = e.getValue();
            if (logY) s = positive(s);
            if (logX) s = positive(new Series(s.y(), s.x())).swap();
            if (s.x().length == 0) continue;
            XYSeries xy = chart.addSeries(e.getKey(), s.x(), s.y());
            style(xy, i++, s.x().length);
        }
        save(chart, file);
    }

    private static final Marker[] MARKERS = {SeriesMarkers.CIRCLE, SeriesMarkers.DIAMOND, SeriesMarkers.SQUARE,
        SeriesMarkers.TRIANGLE_UP, SeriesMarkers.TRIANGLE_DOWN};

    /**
     * Series i gets its own marker shape, and every other series a dashed line, so that two series with the same
     * values (GD and finite differences per step, Newton and Newton-CG) both stay visible, one through the other.
     */
    static void style(XYSeries xy, int i, int points) {
        xy.setMarker(points > 60 ? SeriesMarkers.NONE : MARKERS[i % MARKERS.length]);
        if (i % 2 == 1) xy.setLineStyle(SeriesLines.DASH_DASH);
    }

    /** Points (no lines), one marker style per entry of {@code series}; equal axes scaling is not enforced. */
    public static void scatter(Path file, String title, String xTitle, String yTitle, Map<String, Series> series,
                               boolean logX, boolean logY) {
        XYChart chart = chart(title, xTitle, yTitle);
        chart.getStyler().setDefaultSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
        chart.getStyler().setXAxisLogarithmic(logX);
        chart.getStyler().setYAxisLogarithmic(logY);
        chart.getStyler().setMarkerSize(9);
        for (Map.Entry<String, Series> e : series.entrySet()) {
            chart.addSeries(e.getKey(), e.getValue().x(), e.getValue().y());
        }
        save(chart, file);
    }

    /** The same chart with some series drawn as lines and others as points: used for fits over data. */
    public static XYChart chart(String title, String xTitle, String yTitle) {
        XYChart chart = new XYChartBuilder().width(1000).height(560).title(title).xAxisTitle(xTitle)
                .yAxisTitle(yTitle).build();
        chart.getStyler().setLegendPosition(org.knowm.xchart.style.Styler.LegendPosition.OutsideE);
        return chart;
    }

    /** Writes {@code chart} as a PNG to {@code file} (parent directories are created). */
    public static void save(XYChart chart, Path file) {
        try {
            if (file.getParent() != null) Files.createDirectories(file.getParent());
            try (OutputStream out = Files.newOutputStream(file)) {
                BitmapEncoder.saveBitmap(chart, out, BitmapEncoder.BitmapFormat.PNG);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the plot " + file, e);
        }
    }

    private static Series positive(Series s) {
        int n = 0;
        for (double v : s.y()) if (v > 0 && Double.isFinite(v)) n++;
        double[] x = new double[n];
        double[] y = new double[n];
        for (int i = 0, j = 0; i < s.y().length; i++) {
            if (s.y()[i] > 0 && Double.isFinite(s.y()[i])) {
                x[j] = s.x()[i];
                y[j++] = s.y()[i];
            }
        }
        return new Series(x, y);
    }
}
