package dev.cotangent.sparse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * Colour counts on the standard patterns against numbers derived by hand (the lower bound of the densest row, the
 * bandwidth formula, the degeneracy bound of smallest-last ordering), and validity of every colouring against
 * checkers written from the definitions ({@link Patterns}).
 */
class ColoringTest {

    @Test
    void aBandOfHalfWidthBNeedsExactly2bPlus1ColumnColoursInNaturalAndSmallestLastOrder() {
        // a row holds 2b+1 columns, so 2b+1 is a lower bound; greedy in natural order gives j mod (2b+1); the column
        // intersection graph is the (2b)-th power of a path, whose degeneracy is 2b, and smallest-last greedy uses
        // at most degeneracy + 1 colours
        for (int b = 1; b <= 4; b++) {
            Pattern p = Patterns.banded(60, b);
            assertEquals(2 * b + 1, p.maxRowCount());
            for (Ordering o : new Ordering[] {Ordering.NATURAL, Ordering.SMALLEST_LAST}) {
                Coloring c = Coloring.columns(p, o);
                assertEquals(2 * b + 1, c.count(), "b = " + b + ", " + o);
                assertTrue(Patterns.validColumns(p, c.colors()));
                assertEquals(2 * b + 1, Coloring.rows(p, o).count(), "rows, b = " + b + ", " + o);
            }
            for (Ordering o : Ordering.values()) {
                Coloring c = Coloring.columns(p, o);
                assertTrue(Patterns.validColumns(p, c.colors()), o.toString());
                // between the lower bound and the greedy bound max degree + 1 = 4b + 1
                assertTrue(c.count() >= 2 * b + 1 && c.count() <= 4 * b + 1, o + ": " + c.count());
            }
        }
        int[] natural = Coloring.columns(Patterns.banded(20, 2), Ordering.NATURAL).colors();
        for (int j = 0; j < 20; j++) assertEquals(j % 5, natural[j]);
    }

    @Test
    void tridiagonalTakesThreeColours() {
        for (Ordering o : Ordering.values()) {
            Pattern p = Patterns.banded(25, 1);
            assertTrue(Coloring.columns(p, o).count() >= 3);
            assertTrue(Patterns.validColumns(p, Coloring.columns(p, o).colors()));
        }
        assertEquals(3, Coloring.columns(Patterns.banded(25, 1), Ordering.LARGEST_FIRST).count());
    }

    @Test
    void anArrowNeedsNColoursForColumnsOrRowsButTwoForAStar() {
        // row 0 is full, so every pair of columns shares it; column 0 is full, so every pair of rows shares it;
        // the adjacency graph is a star, where any proper 2-colouring has no path on four vertices
        int n = 30;
        Pattern p = Patterns.arrow(n);
        for (Ordering o : Ordering.values()) {
            assertEquals(n, Coloring.columns(p, o).count(), o.toString());
            assertEquals(n, Coloring.rows(p, o).count(), o.toString());
            Coloring s = Coloring.star(p, o);
            assertEquals(2, s.count(), o.toString());
            assertTrue(Patterns.validStar(p, s.colors()));
        }
    }

    @Test
    void theFivePointLaplacianTakesFiveToSevenColumnColours() {
        // a row holds 5 columns (lower bound 5), and (r + 2c) mod 5 is a valid 5-colouring, so 5 is the optimum;
        // columns conflict within Manhattan distance 2, a graph of degeneracy at most 6 (the first remaining point
        // in row-major order has at most 6 neighbours after it), so smallest-last greedy uses at most 7
        int k = 30;
        Pattern p = Patterns.laplacian(k);
        assertEquals(5, p.maxRowCount());
        int[] optimal = new int[k * k];
        for (int r = 0; r < k; r++) for (int c = 0; c < k; c++) optimal[r * k + c] = (r + 2 * c) % 5;
        assertTrue(Patterns.validColumns(p, optimal));
        Coloring sl = Coloring.columns(p, Ordering.SMALLEST_LAST);
        assertTrue(sl.count() >= 5 && sl.count() <= 7, "smallest last: " + sl.count());
        for (Ordering o : Ordering.values()) {
            Coloring c = Coloring.columns(p, o);
            assertTrue(Patterns.validColumns(p, c.colors()), o.toString());
            assertTrue(c.count() >= 5 && c.count() <= 13, o + ": " + c.count());   // max degree 12, plus 1
            Coloring s = Coloring.star(p, o);
            assertTrue(Patterns.validStar(p, s.colors()), o.toString());
            // a grid has paths on four vertices, which a star colouring gives three colours at least
            assertTrue(s.count() >= 3, o + ": " + s.count());
        }
    }

    @Test
    void randomPatternsGetValidColouringsAboveTheLowerBound() {
        for (long seed = 0; seed < 30; seed++) {
            Pattern p = Patterns.random(40, 35, 0.08, seed);
            Pattern t = p.transpose();
            for (Ordering o : Ordering.values()) {
                Coloring c = Coloring.columns(p, o);
                assertTrue(Patterns.validColumns(p, c.colors()), "seed " + seed + " " + o);
                assertTrue(c.count() >= Math.max(1, p.maxRowCount()));
                Coloring r = Coloring.rows(p, o);
                assertTrue(Patterns.validColumns(t, r.colors()), "rows, seed " + seed + " " + o);
                assertTrue(r.count() >= Math.max(1, t.maxRowCount()));
                Pattern s = Patterns.random(40, 40, 0.06, seed).symmetric();
                Coloring st = Coloring.star(s, o);
                assertTrue(Patterns.validStar(s, st.colors()), "star, seed " + seed + " " + o);
            }
        }
    }

    @Test
    void theCheckersRejectBadColourings() {
        Pattern p = Patterns.banded(6, 1);
        assertFalse(Patterns.validColumns(p, new int[] {0, 1, 0, 1, 0, 1}));   // columns 0 and 2 share row 1
        assertTrue(Patterns.validColumns(p, new int[] {0, 1, 2, 0, 1, 2}));
        // a path 0-1-2-3 coloured a b a b is a two-coloured path on four vertices
        Pattern path = Patterns.banded(4, 1);
        assertFalse(Patterns.validStar(path, new int[] {0, 1, 0, 1}));
        assertTrue(Patterns.validStar(path, new int[] {0, 1, 0, 2}));
    }

    @Test
    void groupsListTheVerticesOfEachColour() {
        Coloring c = Coloring.columns(Patterns.banded(7, 1), Ordering.NATURAL);
        assertEquals("[[0, 3, 6], [1, 4], [2, 5]]", java.util.Arrays.deepToString(c.groups()));
    }

    @Test
    void starColouringNeedsASymmetricPattern() {
        Pattern p = Pattern.of(2, 2, new int[][] {{0, 1}, {1}});
        assertThrows(IllegalArgumentException.class, () -> Coloring.star(p, Ordering.NATURAL));
    }
}
