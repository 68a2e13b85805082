package dev.cotangent.cli;

import java.awt.Desktop;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.BindException;
import java.net.URI;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code cotangent serve}: the explain page in a browser, served on 127.0.0.1 only. */
@Command(name = "serve", mixinStandardHelpOptions = true, sortOptions = false,
        header = "Serves the interactive explain page on http://127.0.0.1:PORT/.",
        description = {"Starts a web server on 127.0.0.1 (this machine only) with one page: type a formula and a "
            + "point, see its graph, and step the forward and the reverse sweep node by node with the chain rule's "
            + "numbers. GET /api/explain?f=FORMULA&at=x=2,y=3 answers with the JSON of 'explain --json'. Ctrl-C "
            + "stops it."},
        footerHeading = "%nExamples:%n",
        footer = {"  cotangent serve", "  cotangent serve --port 9000 --open"})
final class ServeCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--port", paramLabel = "PORT", defaultValue = "8765",
            description = "The port on 127.0.0.1 (default: ${DEFAULT-VALUE}; 0 picks a free one).")
    int port;

    @Option(names = "--open", description = "Also open the page in the desktop's browser.")
    boolean open;

    @Override
    public Integer call() throws InterruptedException {
        if (port < 0 || port > 65535) throw new CliException("--port " + port + ": a port is 0 to 65535");
        ExplainServer server;
        try {
            server = new ExplainServer(port);
        } catch (BindException e) {
            throw new CliException("cannot listen on 127.0.0.1:" + port + " (" + e.getMessage()
                    + "); is another server running? choose another port with --port");
        } catch (IOException e) {
            throw new CliException("cannot start the server: " + e.getMessage());
        }
        PrintWriter out = spec.commandLine().getOut();
        out.println("cotangent: serving the explain page at " + server.url() + " (this machine only; Ctrl-C stops)");
        out.flush();
        if (open) openBrowser(server.url(), spec.commandLine().getErr());
        Runtime.getRuntime().addShutdownHook(new Thread(server::close));
        new CountDownLatch(1).await();
        return 0;
    }

    /** Tries the desktop's browser, then xdg-open; says what happened either way (the URL is printed above). */
    static void openBrowser(String url, PrintWriter err) {
        try {
            if (!java.awt.GraphicsEnvironment.isHeadless() && Desktop.isDesktopSupported()
                    && Desktop.getDesktop().isSupported(Desktop.Action.BROWSE)) {
                Desktop.getDesktop().browse(URI.create(url));
                return;
            }
            new ProcessBuilder("xdg-open", url).inheritIO().start();
        } catch (IOException | RuntimeException e) {
            err.println("cotangent: could not open a browser (" + e.getMessage() + "); open " + url + " yourself");
            err.flush();
        }
    }
}
