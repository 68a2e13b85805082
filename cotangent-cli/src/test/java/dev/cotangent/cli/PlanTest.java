package dev.cotangent.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** {@code cotangent jacobian --plan}: the chain's cheapest order against the lecture's counts, worked by hand. */
class PlanTest {

    @Test
    void aMixedOrderBeatsBothModes() {
        // R^10 → R^1000 → R^1 → R^1000 → R^10: forward 10·(1000·1 + 1·1000 + 1000·10) = 120,000, reverse the same
        // by symmetry; (A4 A3)(A2 A1) costs 1·1000·10 + 10·1000·1 + 10·1·10 = 20,100
        Cli c = Cli.run("jacobian", "--plan", "10 -> 1000 -> 1 -> 1000 -> 10");
        assertEquals(0, c.code(), c.err());
        assertTrue(c.out().contains("chain R^10 → R^1000 → R^1 → R^1000 → R^10"), c.out());
        assertTrue(c.out().matches("(?s).*forward\\s+A4 \\(A3 \\(A2 A1\\)\\)\\s+120,000.*"), c.out());
        assertTrue(c.out().matches("(?s).*reverse\\s+\\(\\(A4 A3\\) A2\\) A1\\s+120,000.*"), c.out());
        assertTrue(c.out().matches("(?s).*planned\\s+\\(A4 A3\\) \\(A2 A1\\)\\s+20,100\\s+\\(6\\.0× cheaper.*"), c.out());
    }

    @Test
    void oneInputMeansForwardAndOneOutputReverse() {
        Cli fwd = Cli.run("jacobian", "--plan", "1, 50, 50, 50");
        assertTrue(fwd.out().matches("(?s).*planned\\s+A3 \\(A2 A1\\)\\s+5,000\\s+\\(= forward\\).*"), fwd.out());
        Cli rev = Cli.run("jacobian", "--plan", "50 → 50 → 50 → 1");
        assertTrue(rev.out().matches("(?s).*planned\\s+\\(A3 A2\\) A1\\s+5,000\\s+\\(= reverse\\).*"), rev.out());
    }

    @Test
    void jsonAndErrors() {
        Cli j = Cli.run("jacobian", "--plan", "3 -> 5 -> 7 -> 2", "--json");
        // forward 3·(5·7 + 7·2) = 147, reverse 2·(3·5 + 5·7) = 100; the optimum (A3 A2) A1 = 70 + 30 = 100
        assertEquals("{\"sizes\":[3,5,7,2],\"order\":\"(A3 A2) A1\",\"cost\":100,\"forward\":147,\"reverse\":100}",
                j.out().trim());
        Cli bad = Cli.run("jacobian", "--plan", "x*y");
        assertTrue(bad.code() != 0 && bad.err().contains("sizes of a chain"), bad.err());
        Cli one = Cli.run("jacobian", "--plan", "7");
        assertTrue(one.code() != 0 && one.err().contains("at least two sizes"), one.err());
    }
}
