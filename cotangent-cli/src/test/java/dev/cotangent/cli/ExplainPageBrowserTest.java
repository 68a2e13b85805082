package dev.cotangent.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The serve page end to end in a real headless Chromium (Debian's chromium and chromium-driver, driven by
 * Selenium): type the lecture's formula, step both sweeps to the end, compare every row and the gradient shown
 * with the command line's, check the inline error of {@code sin(x}, and take the screenshot the README shows
 * (target/explain-page.png; also docs/explain-page.png when run with -Dcotangent.screenshot=docs). Skipped, with
 * the reason printed, only when no Chromium or chromedriver is installed.
 */
class ExplainPageBrowserTest {
    static final String LECTURE = "y*log(x) + sqrt(y*log(x))";
    static ExplainServer server;
    static WebDriver driver;

    @BeforeAll
    static void start() throws IOException {
        java.util.logging.Logger.getLogger("org.openqa.selenium").setLevel(java.util.logging.Level.SEVERE);
        Optional<Path> browser = onPath("chromium", "chromium-browser", "google-chrome");
        Optional<Path> chromedriver = onPath("chromedriver");
        String reason = "no headless browser for the end-to-end test of the serve page: "
                + (browser.isEmpty() ? "chromium is not installed" : "")
                + (browser.isEmpty() && chromedriver.isEmpty() ? " and " : "")
                + (chromedriver.isEmpty() ? "chromedriver is not installed" : "")
                + " (apt-get install chromium chromium-driver; .ci/run does)";
        if (browser.isEmpty() || chromedriver.isEmpty()) System.out.println("SKIPPED ExplainPageBrowserTest: " + reason);
        Assumptions.assumeTrue(browser.isPresent() && chromedriver.isPresent(), reason);
        server = new ExplainServer(0);
        ChromeOptions options = new ChromeOptions();
        options.setBinary(browser.get().toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                "--window-size=1600,1000", "--force-device-scale-factor=1", "--lang=en");
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(chromedriver.get().toFile()).usingAnyFreePort().build();
        driver = new ChromeDriver(service, options);
    }

    @AfterAll
    static void stop() {
        if (driver != null) driver.quit();
        if (server != null) server.close();
    }

    static Optional<Path> onPath(String... names) {
        String path = System.getenv().getOrDefault("PATH", "") + File.pathSeparator + "/usr/bin";
        return Stream.of(names).flatMap(n -> Stream.of(path.split(File.pathSeparator)).map(d -> Path.of(d, n)))
                .filter(Files::isExecutable).findFirst();
    }

    WebElement $(String id) {
        return driver.findElement(By.id(id));
    }

    void until(String what, java.util.function.BooleanSupplier ok) {
        new WebDriverWait(driver, Duration.ofSeconds(15)).withMessage(what).until(d -> ok.getAsBoolean());
    }

    void type(String id, String text) {
        WebElement e = $(id);
        e.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.DELETE);
        e.sendKeys(text);
    }

    List<String> rowsShown() {
        return driver.findElements(By.cssSelector("#rows li")).stream().map(e -> e.getAttribute("textContent")).toList();
    }

    double derivativeShown(String var) {
        String t = driver.findElement(By.cssSelector("#result .derivative[data-var='" + var + "']")).getText();
        return Double.parseDouble(t.substring(t.indexOf('=') + 1).trim());
    }

    /** Each row the page listed is a line of the CLI's table: its left side, then its numbers line. */
    static void sameAsTheTextTables(List<String> rows, String text) {
        for (String row : rows) {
            int eq = row.indexOf(" = ");
            String lhs = row.substring(0, eq);
            String numbers = row.substring(eq + 1);
            assertTrue(text.contains("    " + lhs + " = "), lhs + " not in\n" + text);
            assertTrue(text.contains(numbers), "'" + numbers + "' not in\n" + text);
        }
    }

    @Test
    void stepsBothSweepsOfTheLectureExampleAndShowsTheCliNumbers() throws Exception {
        JsonNode grad = JsonContractTest.json("grad", LECTURE, "--at", "x=2,y=3", "--json");
        String text = Cli.run("explain", LECTURE, "--at", "x=2,y=3").out();
        driver.get(server.url());
        until("the first explanation", () -> !$("shown").getText().isEmpty());
        driver.findElement(By.cssSelector("#examples button[data-at^='x=-1.2']")).click();
        until("Rosenbrock", () -> $("shown").getText().contains("100*(y - x^2)^2"));
        type("formula", LECTURE);
        type("point", "x=2, y=3");
        $("go").click();
        until("the lecture's formula", () -> $("shown").getText().contains(LECTURE));
        assertEquals(6, driver.findElements(By.cssSelector("#graph .node")).size());
        assertEquals(6, driver.findElements(By.cssSelector("#graph .edge")).size());

        // forward, seeded with x, by keys
        $("mode-forward").click();
        new Select($("seed")).selectByValue("x");
        WebElement body = driver.findElement(By.tagName("body"));
        for (int i = 0; i < 6; i++) body.sendKeys(Keys.ARROW_RIGHT);
        until("forward step 6", () -> $("step-title").getText().endsWith("step 6 of 6"));
        List<String> forward = rowsShown();
        assertEquals(6, forward.size());
        sameAsTheTextTables(forward, text);
        assertEquals("= 1 × 1.5 + 1 × 0.520101 = 2.0201", $("step-numbers").getAttribute("textContent"));
        assertEquals("6", driver.findElement(By.cssSelector("#graph .node.current")).getAttribute("data-id"));
        assertEquals(2, driver.findElements(By.cssSelector("#graph .edge.active")).size());
        assertEquals(grad.get("gradient").get("x").asDouble(), derivativeShown("x"));
        new Select($("seed")).selectByValue("y");
        $("last").click();
        assertEquals(grad.get("gradient").get("y").asDouble(), derivativeShown("y"));

        // reverse, by the button; the mode key first
        body.sendKeys("r");
        until("reverse mode", () -> "true".equals($("mode-reverse").getAttribute("aria-pressed")));
        for (int i = 0; i < 6; i++) $("next").click();
        assertTrue($("step-title").getText().endsWith("step 6 of 6"), $("step-title").getText());
        List<String> reverse = rowsShown();
        assertEquals(6, reverse.size());
        sameAsTheTextTables(reverse, text);
        assertEquals("= 4.0402 × 0.5 = 2.0201    = ∂f/∂x", $("step-numbers").getAttribute("textContent"));
        assertEquals(grad.get("gradient").get("x").asDouble(), derivativeShown("x"));
        assertEquals(grad.get("gradient").get("y").asDouble(), derivativeShown("y"));

        // the picture for the README: the reverse sweep at ∂f/∂x4, where two children meet
        body.sendKeys(Keys.HOME);
        for (int i = 0; i < 3; i++) body.sendKeys(Keys.ARROW_RIGHT);
        until("reverse step 3", () -> $("step-title").getText().endsWith("step 3 of 6"));
        assertEquals("= 1 × 0.346734 + 1 × 1 = 1.34673", $("step-numbers").getAttribute("textContent"));
        screenshot();
    }

    @Test
    void everyExampleIsOneClickAway() throws Exception {
        driver.get(server.url());
        until("the first explanation", () -> !$("shown").getText().isEmpty());
        for (WebElement b : driver.findElements(By.cssSelector("#examples button"))) {
            String f = b.getAttribute("data-f");
            b.click();
            if ("jacobian".equals(b.getAttribute("data-kind"))) {
                until(f, () -> $("jacobian-shown").getText().contains(f));
                JsonNode api = JsonContractTest.JSON.readTree(ExplainServerTest.get(server, f, b.getAttribute("data-at")));
                for (int i = 0; i < api.get("jacobian").size(); i++) {
                    for (int k = 0; k < api.get("variables").size(); k++) {
                        assertEquals(api.get("jacobian").get(i).get(k).asDouble(),
                                jacobianShown(i + 1, api.get("variables").get(k).asText()), 0.0, f);
                    }
                }
                continue;
            }
            until(f, () -> $("shown").getText().contains(f));
            JsonNode api = JsonContractTest.JSON.readTree(ExplainServerTest.get(server, f, b.getAttribute("data-at")));
            assertEquals(api.get("nodes").size(), driver.findElements(By.cssSelector("#graph .node")).size(), f);
            $("mode-reverse").click();
            $("last").click();
            for (String v : List.copyOf(iterable(api.get("gradient").fieldNames()))) {
                assertEquals(api.get("gradient").get(v).asDouble(), derivativeShown(v), 0.0, f + " ∂f/∂" + v);
            }
            if (f.startsWith("w3")) save("explain-page-mlp.png");
        }
    }

    double jacobianShown(int row, String var) {
        String t = driver.findElement(By.cssSelector("#jacobian td[data-row='" + row + "'][data-var='" + var + "']"))
                .getText();
        return Double.parseDouble(t);
    }

    @Test
    void theJacobianExampleShowsTheTableTheModeAndItsCost() throws Exception {
        driver.get(server.url());
        until("the first explanation", () -> !$("shown").getText().isEmpty());
        driver.findElement(By.cssSelector("#examples button[data-kind='jacobian']")).click();
        until("the Jacobian", () -> $("jacobian-panel").isDisplayed() && $("jacobian-shown").getText().contains("sin(x)*y"));
        assertTrue(!$("graph-panel").isDisplayed(), "the graph is hidden for several expressions");
        JsonNode api = JsonContractTest.JSON.readTree(ExplainServerTest.get(server, "x*y; x+y; sin(x)*y", "x=2, y=3"));
        // f3 = sin(x)*y: ∂f3/∂x = y cos(x) at x=2, y=3
        assertEquals(api.get("jacobian").get(2).get(0).asDouble(), jacobianShown(3, "x"), 0.0);
        assertEquals(3, driver.findElements(By.cssSelector("#jacobian tbody tr")).size());
        assertEquals("Mode: forward", $("mode-chosen").getText());
        String cost = $("mode-choice").getText();
        assertTrue(cost.contains("2 forward passes (n) vs 3 reverse passes (m)"), cost);
        save("explain-page-jacobian.png");
        $("examples").findElement(By.cssSelector("button[data-at^='x=-1.2']")).click();
        until("back to the graph", () -> $("graph-panel").isDisplayed() && $("shown").getText().contains("100*(y - x^2)^2"));
        assertTrue(!$("jacobian-panel").isDisplayed());
    }

    static List<String> iterable(java.util.Iterator<String> it) {
        List<String> l = new java.util.ArrayList<>();
        it.forEachRemaining(l::add);
        return l;
    }

    @Test
    void anUnclosedParenthesisIsShownInlineWithTheCaret() {
        driver.get(server.url());
        until("the first explanation", () -> !$("shown").getText().isEmpty());
        type("formula", "sin(x");
        type("point", "x=1");
        $("go").click();
        until("the error", () -> $("error").isDisplayed());
        assertTrue($("error-message").getText().contains("'(' is never closed"), $("error-message").getText());
        Object caret = ((JavascriptExecutor) driver).executeScript("return document.getElementById('error-caret').textContent");
        assertEquals("sin(x\n   ^", caret);
        type("formula", "sin(x)");
        $("go").click();
        until("the error goes away", () -> !$("error").isDisplayed());
    }

    void screenshot() throws IOException {
        Path target = save("explain-page.png");
        if ("docs".equals(System.getProperty("cotangent.screenshot"))) {
            Files.copy(target, Path.of("..", "docs", "explain-page.png"), StandardCopyOption.REPLACE_EXISTING);
        }
    }

    Path save(String name) throws IOException {
        byte[] png = ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES);
        Path target = Path.of("target", name);
        Files.createDirectories(target.getParent());
        Files.write(target, png);
        assertTrue(png.length > 10_000, "a blank screenshot? " + png.length + " bytes");
        return target;
    }
}
