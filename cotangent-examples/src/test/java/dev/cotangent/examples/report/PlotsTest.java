package dev.cotangent.examples.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import org.junit.jupiter.api.Test;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.lines.SeriesLines;
import org.knowm.xchart.style.markers.SeriesMarkers;

/** Series that coincide stay distinguishable: each its own marker, every other one dashed. */
class PlotsTest {
    @Test
    void consecutiveSeriesDifferInMarkerAndLine() {
        XYChart chart = Plots.chart("t", "x", "y");
        double[] x = {1, 2, 3};
        double[] y = {1, 2, 3};
        XYSeries first = chart.addSeries("GD", x, y);
        XYSeries second = chart.addSeries("finite differences", x, y); // the same values: drawn over the first
        Plots.style(first, 0, 3);
        Plots.style(second, 1, 3);
        assertNotEquals(first.getMarker().getClass(), second.getMarker().getClass());
        assertEquals(SeriesLines.DASH_DASH, second.getLineStyle());
        assertNotEquals(SeriesLines.DASH_DASH, first.getLineStyle());
        // long series have no markers (they would merge into a band); the dash still tells them apart
        XYSeries many = chart.addSeries("many", new double[100], new double[100]);
        Plots.style(many, 3, 100);
        assertEquals(SeriesMarkers.NONE, many.getMarker());
    }
}
