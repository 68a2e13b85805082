package dev.cotangent.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The {@code serve} command's refusals (the serving itself is {@link ExplainServerTest}'s). */
class ServeCommandTest {
    @Test
    void aBusyPortIsAClearErrorNotAStackTrace() throws Exception {
        try (ExplainServer first = new ExplainServer(0)) {
            int port = first.address().getPort();
            Cli r = Cli.run("serve", "--port", Integer.toString(port));
            assertEquals(2, r.code(), r.err());
            assertTrue(r.err().contains("cannot listen on 127.0.0.1:" + port) && r.err().contains("--port"), r.err());
        }
    }

    @Test
    void aPortOutOfRangeIsRefused() {
        Cli r = Cli.run("serve", "--port", "70000");
        assertEquals(2, r.code());
        assertTrue(r.err().contains("0 to 65535"), r.err());
    }

    @Test
    void helpNamesTheApi() {
        Cli r = Cli.run("serve", "--help");
        assertEquals(0, r.code());
        assertTrue(r.out().contains("/api/explain") && r.out().contains("127.0.0.1"), r.out());
    }
}
