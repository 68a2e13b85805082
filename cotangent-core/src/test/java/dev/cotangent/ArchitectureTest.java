package dev.cotangent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The boundaries of Cotangent as a test: it reads the main sources of every module (each {@code *.java} under
 * {@code <module>/src/main/java}, found by walking up from this module to the repository root), takes each file's
 * package, its imports (static ones too) and the fully qualified {@code dev.cotangent...} names in its code
 * (comments and string literals are ignored, so a javadoc {@code @link} creates no dependency), and fails, listing
 * every offending file, line and reference, when a reference runs the wrong way.
 *
 * <ul>
 *   <li>Inside cotangent-core, the layers of {@link Layer}, bottom to top: a package may use its own layer and the
 *       layers below, except for the explicit {@link #ALLOWED} entries (the one deliberate circle of the design).
 *       A subpackage takes its parent's layer ({@code graph.print} is in the graph layer); a new top-level package
 *       must be given one in {@link #CORE_LAYERS}. The root package is split by class: its {@link #FACADES} are at
 *       the top and every other root class is in the ops layer; since a root class names a facade without an
 *       import, the code of the other root classes is searched for the facades' simple names too.</li>
 *   <li>Between modules, {@link #MODULE_DEPENDENCIES}: a module uses only the modules below it, and from
 *       cotangent-core only the {@link #EXPORTED} packages. No package is split across modules.</li>
 *   <li>The native library (JavaCPP, OpenBLAS) is reached through {@code dev.cotangent.kernel} only.</li>
 *   <li>No source file of any module's main code is over {@value #MAX_LINES} lines.</li>
 * </ul>
 *
 * <p>Why no {@code module-info.java}: the Java module system would enforce the exported packages at compile and
 * run time, but it costs more than it gives here. JavaCPP's OpenBLAS preset loads its native library from a
 * separate platform-classifier jar, which on the module path needs extra {@code requires}/{@code --add-modules}
 * wiring per platform; Surefire would then run the tests on the module path, which needs the test classes patched
 * into the module and the packages opened to JUnit and jqwik; every module above core would need a descriptor too;
 * and most users put the jars on the classpath, where the descriptors enforce nothing. This test guards the same
 * boundaries (and the layers inside core, which JPMS cannot express) at no cost to users. Revisit if users ask
 * for named modules or core stops depending on JavaCPP.
 */
class ArchitectureTest {

    // ------------------------------------------------------------------ the rules

    /** The layers of cotangent-core, bottom to top. A package may use its own layer and the layers below it. */
    enum Layer {
        /** Loops over double[] and BLAS. */
        KERNEL,
        /** Shape, NDArray: numbers only. */
        TENSOR,
        /** primitive, tree, and the classes of the root package except the facades (Tensor, Ops, rule types). */
        OPS,
        /** Bind, the traces and their tracers. */
        TRACE,
        /** The graph IR, its staging trace, evaluator, printers; graph.pass. */
        GRAPH,
        /** One interpreter entry per file: jvp, vjp, vmap, stage, jacobians. */
        TRANSFORM,
        /** User functions as primitives: customVjp, customJvp, checkpoint. */
        CUSTOM,
        /** The root package's facades (AD, and later Linalg, Loop, Checkpoints). */
        FACADE,
        /** Gradient checking: may use every layer below the facades, and AD; nothing in core's main code uses it. */
        CHECK
    }

    private static final String ROOT = "dev.cotangent";
    private static final String CORE = "cotangent-core";

    /** The packages of core other than the root, each with its layer. */
    private static final Map<String, Layer> CORE_LAYERS = Map.of(
            "dev.cotangent.kernel", Layer.KERNEL,
            "dev.cotangent.tensor", Layer.TENSOR,
            "dev.cotangent.primitive", Layer.OPS,
            "dev.cotangent.tree", Layer.OPS,
            "dev.cotangent.trace", Layer.TRACE,
            "dev.cotangent.graph", Layer.GRAPH,
            "dev.cotangent.transform", Layer.TRANSFORM,
            "dev.cotangent.sparse", Layer.TRANSFORM,
            "dev.cotangent.custom", Layer.CUSTOM,
            "dev.cotangent.check", Layer.CHECK);

    /** The classes of the root package that are facades; every other root class is in the ops layer. */
    private static final Set<String> FACADES = Set.of("AD", "Linalg", "Loop", "Checkpoints");

    /**
     * References that run up the layers on purpose, each with its reason; keep this list as small as possible.
     * The design's circle is ops ↔ primitive ↔ trace: primitives' rules use {@code Ops} (same layer), tracers
     * extend {@code Tensor} (trace is above ops), and {@code Ops} makes every op a bind, which is the one edge
     * that points up.
     */
    private static final List<Allowed> ALLOWED = List.of(
            new Allowed("dev.cotangent.Ops", "dev.cotangent.trace.Bind",
                    "every op is bind(primitive, args): Ops is where a call enters the traces (Autodidax's bind)"));

    /** The modules and the modules each may use (arrows point down). */
    private static final Map<String, Set<String>> MODULE_DEPENDENCIES = Map.of(
            CORE, Set.of(),
            "cotangent-numerics", Set.of(CORE),
            "cotangent-nn", Set.of(CORE, "cotangent-numerics"),
            "cotangent-examples", Set.of(CORE, "cotangent-numerics", "cotangent-nn", "cotangent-spark"),
            "cotangent-gradbench", Set.of(CORE),
            "cotangent-spark", Set.of(CORE, "cotangent-nn"),
            "cotangent-cli", Set.of(CORE, "cotangent-numerics", "cotangent-nn", "cotangent-examples",
                    "cotangent-gradbench", "cotangent-spark"),
            "cotangent-bench", Set.of(CORE, "cotangent-numerics", "cotangent-nn", "cotangent-gradbench",
                    "cotangent-spark"));

    /** The packages of core that other modules may use; kernel, primitive, trace, transform and custom are not. */
    private static final Set<String> EXPORTED = Set.of(ROOT, "dev.cotangent.tensor", "dev.cotangent.tree",
            "dev.cotangent.graph", "dev.cotangent.graph.pass", "dev.cotangent.graph.compile", "dev.cotangent.check",
            "dev.cotangent.sparse");

    /**
     * Core packages a module may use beyond the exported ones: cotangent-bench benchmarks the kernels and BLAS
     * themselves (and sets BLAS threads), so it may import dev.cotangent.kernel.
     */
    private static final Map<String, Set<String>> EXTRA_CORE_ACCESS = Map.of(
            "cotangent-bench", Set.of("dev.cotangent.kernel"));

    /**
     * Where the native library (JavaCPP, OpenBLAS) may be used: core's kernels, and the benchmarks that compare with
     * BLAS and LAPACK called directly.
     */
    private static final String NATIVE = "org.bytedeco";
    private static final Set<String> NATIVE_USERS = Set.of("dev.cotangent.kernel", "dev.cotangent.bench.tensor",
            "dev.cotangent.bench.linalg");

    static final int MAX_LINES = 400;

    /** Files over {@value #MAX_LINES} lines today, each to fix (split by job), with its size when listed. */
    private static final Map<String, String> TOO_LONG_TO_FIX = Map.of();

    /** An upward reference that the design wants, from one class to another, with its reason. */
    record Allowed(String from, String to, String why) {}

    // ------------------------------------------------------------------ the tests

    private static final Codebase CODE = Codebase.scan(repositoryRoot());

    @Test
    void theScanSeesEveryModuleAndParsesImports() {
        assertEquals(MODULE_DEPENDENCIES.keySet(), CODE.modules(), "modules found under " + repositoryRoot()
                + "; a new module needs its place in MODULE_DEPENDENCIES");
        long core = CODE.sources().stream().filter(s -> s.module().equals(CORE)).count();
        assertTrue(core > 100, "only " + core + " source files found in " + CORE);
        Source ops = CODE.sources().stream().filter(s -> s.fqcn().equals("dev.cotangent.Ops")).findFirst()
                .orElseThrow(() -> new AssertionError("dev.cotangent.Ops not found"));
        assertTrue(ops.refs().stream().anyMatch(r -> r.how().equals("import static")
                && r.name().startsWith("dev.cotangent.trace.Bind")), "Ops' static import of Bind not seen: " + ops);
    }

    @Test
    void coreUsesItsOwnLayerAndTheLayersBelow() {
        report("cotangent-core's layers, bottom to top, are " + List.of(Layer.values()) + ": a package may use its "
                + "own layer and the layers below (check may also use AD); see ArchitectureTest's javadoc",
                layerViolations(CODE));
    }

    @Test
    void modulesUseTheModulesBelowAndOnlyCoresExportedPackages() {
        report("a module may use only the modules below it, " + new TreeMap<>(MODULE_DEPENDENCIES) + ", and from "
                + "cotangent-core only " + new TreeSet<>(EXPORTED) + " (cotangent-bench also dev.cotangent.kernel)",
                moduleViolations(CODE));
    }

    @Test
    void theNativeLibraryIsReachedThroughTheKernelsOnly() {
        report("only " + NATIVE_USERS + " may use " + NATIVE + " (JavaCPP, OpenBLAS)", nativeViolations(CODE));
    }

    @Test
    void sourceFilesStayShort() {
        List<String> offenders = new ArrayList<>();
        for (Source s : CODE.sources()) {
            if (s.lines() > MAX_LINES && !TOO_LONG_TO_FIX.containsKey(s.path())) {
                offenders.add(s.path() + ": " + s.lines() + " lines");
            }
        }
        report("source files of main code stay under " + MAX_LINES + " lines (small files with one job)", offenders);
    }

    // ------------------------------------------------------------------ the tests of the test

    @Test
    void theParserSeesImportsAndQualifiedNamesButNotCommentsOrStrings() {
        Source s = Source.parse("m", "m/src/main/java/dev/cotangent/x/A.java", String.join("\n",
                "package dev.cotangent.x;",
                "import static dev.cotangent.trace.Bind.bind;",
                "import dev.cotangent.primitive.*;",
                "import java.util.List; import dev.cotangent.tensor.Shape;",
                "/** {@link dev.cotangent.AD} import dev.cotangent.kernel.Blas; */",
                "class A { // dev.cotangent.custom.Checkpoint",
                "  String s = \"dev.cotangent.transform.Vjp\"; char c = '\"';",
                "  String t = \"\"\"",
                "      dev.cotangent.graph.Graph \"\"\";",
                "  Object o = dev.cotangent.tree.Trees.leaves(null);",
                "}"));
        assertEquals("dev.cotangent.x", s.pkg());
        assertEquals("A", s.name());
        assertEquals(List.of("2:import static dev.cotangent.trace.Bind.bind", "3:import dev.cotangent.primitive.*",
                "4:import java.util.List", "4:import dev.cotangent.tensor.Shape",
                "10:qualified name dev.cotangent.tree.Trees.leaves"),
                s.refs().stream().map(r -> (r.line() + 1) + ":" + r).collect(Collectors.toList()));
    }

    @Test
    void anUpwardImportAndAnUnexportedImportAreReported() {
        Codebase c = Codebase.of(List.of(
                source(CORE, "dev.cotangent", "Tensor", "import dev.cotangent.tensor.Shape;"),
                source(CORE, "dev.cotangent", "AD", ""),
                source(CORE, "dev.cotangent", "Ops", "import static dev.cotangent.trace.Bind.bind;"),
                source(CORE, "dev.cotangent.trace", "Bind", "import dev.cotangent.Tensor;"),
                source(CORE, "dev.cotangent.tensor", "Shape", "import dev.cotangent.Tensor;"),
                source(CORE, "dev.cotangent", "Config", "class Config { Object f() { return AD.grad(null); } }"),
                source("cotangent-nn", "dev.cotangent.nn", "Net", "import dev.cotangent.trace.Bind;")));
        assertEquals(List.of(
                "cotangent-core/src/main/java/dev/cotangent/tensor/Shape.java:2: import dev.cotangent.Tensor: "
                        + "dev.cotangent.tensor.Shape (TENSOR) may not use dev.cotangent.Tensor (OPS)",
                "cotangent-core/src/main/java/dev/cotangent/Config.java:2: same-package name dev.cotangent.AD: "
                        + "dev.cotangent.Config (OPS) may not use dev.cotangent.AD (FACADE)"),
                layerViolations(c));
        assertEquals(List.of("cotangent-nn/src/main/java/dev/cotangent/nn/Net.java:2: import dev.cotangent.trace.Bind: "
                + "cotangent-nn may not use cotangent-core's package dev.cotangent.trace (not exported)"),
                moduleViolations(c));
    }

    private static Source source(String module, String pkg, String name, String body) {
        return Source.parse(module, module + "/src/main/java/" + pkg.replace('.', '/') + "/" + name + ".java",
                "package " + pkg + ";\n" + body + "\n");
    }

    // ------------------------------------------------------------------ the checks

    static List<String> layerViolations(Codebase c) {
        Set<String> rootClasses = c.sources().stream().filter(s -> s.pkg().equals(ROOT)).map(Source::name)
                .collect(Collectors.toSet());
        List<String> out = new ArrayList<>();
        for (Source s : c.sources()) {
            if (!s.module().equals(CORE)) continue;
            Layer from = layer(s.pkg(), s.name());
            if (from == null) {
                out.add(s.path() + ": package " + s.pkg() + " has no layer: give it one in CORE_LAYERS");
                continue;
            }
            for (Ref r : s.refs()) {
                Target t = c.resolve(r);
                if (t == null || !CORE.equals(c.owner(t.pkg()))) continue;   // other modules: moduleViolations
                if (r.how().equals("same-package name") && !rootClasses.contains(t.cls())) continue;
                Layer to = layer(t.pkg(), t.cls());
                if (to == null || allowed(from, to, t) || isAllowed(s.fqcn(), t.fqcn())) continue;
                out.add(s.at(r) + ": " + s.fqcn() + " (" + from + ") may not use " + t.fqcn() + " (" + to + ")");
            }
        }
        return out;
    }

    static List<String> moduleViolations(Codebase c) {
        List<String> out = new ArrayList<>(c.splitPackages());
        for (Source s : c.sources()) {
            Set<String> deps = MODULE_DEPENDENCIES.getOrDefault(s.module(), Set.of());
            for (Ref r : s.refs()) {
                if (!isCotangent(r.name())) continue;
                Target t = c.resolve(r);
                String m = t == null ? null : c.owner(t.pkg());
                if (m == null) {
                    out.add(s.at(r) + ": no module has this package");
                } else if (!m.equals(s.module()) && !deps.contains(m)) {
                    out.add(s.at(r) + ": " + s.module() + " may not use " + m + " (it may use " + new TreeSet<>(deps)
                            + ")");
                } else if (m.equals(CORE) && !s.module().equals(CORE) && !EXPORTED.contains(t.pkg())
                        && !EXTRA_CORE_ACCESS.getOrDefault(s.module(), Set.of()).contains(t.pkg())) {
                    out.add(s.at(r) + ": " + s.module() + " may not use cotangent-core's package " + t.pkg()
                            + " (not exported)");
                }
            }
        }
        return out;
    }

    static List<String> nativeViolations(Codebase c) {
        List<String> out = new ArrayList<>();
        for (Source s : c.sources()) {
            if (NATIVE_USERS.contains(s.pkg())) continue;
            for (Ref r : s.refs()) if (r.name().startsWith(NATIVE + ".")) out.add(s.at(r));
        }
        return out;
    }

    /** The layer of class {@code cls} of core package {@code pkg} (null for a package without one). */
    static Layer layer(String pkg, String cls) {
        if (pkg.equals(ROOT)) return cls == null || FACADES.contains(cls) ? Layer.FACADE : Layer.OPS;
        for (String p = pkg; p.startsWith(ROOT + "."); p = p.substring(0, p.lastIndexOf('.'))) {
            Layer l = CORE_LAYERS.get(p);
            if (l != null) return l;
        }
        return null;
    }

    private static boolean allowed(Layer from, Layer to, Target t) {
        if (from == Layer.CHECK && to == Layer.FACADE) return "AD".equals(t.cls());
        return to.compareTo(from) <= 0;
    }

    private static boolean isAllowed(String from, String to) {
        return ALLOWED.stream().anyMatch(a -> a.from().equals(from) && a.to().equals(to));
    }

    private static boolean isCotangent(String name) {
        return name.equals(ROOT) || name.startsWith(ROOT + ".");
    }

    private static void report(String rule, List<String> violations) {
        if (!violations.isEmpty()) {
            fail(violations.size() + " reference(s) break the rule: " + rule + "\n  "
                    + String.join("\n  ", violations) + "\n");
        }
    }

    // ------------------------------------------------------------------ the model

    /** The repository root: the nearest ancestor of the working directory that holds cotangent-core. */
    static Path repositoryRoot() {
        for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
            if (Files.isDirectory(p.resolve(CORE).resolve("src/main/java"))) return p;
        }
        throw new IllegalStateException("no ancestor of " + Path.of("").toAbsolutePath() + " holds " + CORE);
    }

    /** A class named by a reference: its package and its top-level class (null for a package wildcard). */
    record Target(String pkg, String cls) {
        String fqcn() {
            return cls == null ? pkg + ".*" : pkg + "." + cls;
        }
    }

    /** The main sources of every module, and which module holds each package. */
    record Codebase(List<Source> sources, Map<String, Set<String>> modulesOfPackage) {

        static Codebase scan(Path root) {
            List<Source> all = new ArrayList<>();
            try (Stream<Path> modules = Files.list(root)) {
                for (Path m : modules.filter(m -> Files.isDirectory(m.resolve("src/main/java"))).sorted()
                        .collect(Collectors.toList())) {
                    try (Stream<Path> files = Files.walk(m.resolve("src/main/java"))) {
                        for (Path f : files.filter(f -> f.toString().endsWith(".java")).sorted()
                                .collect(Collectors.toList())) {
                            all.add(Source.parse(m.getFileName().toString(),
                                    root.relativize(f).toString().replace('\\', '/'), Files.readString(f)));
                        }
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return of(all);
        }

        static Codebase of(List<Source> sources) {
            Map<String, Set<String>> owners = new TreeMap<>();
            for (Source s : sources) owners.computeIfAbsent(s.pkg(), k -> new TreeSet<>()).add(s.module());
            return new Codebase(sources, owners);
        }

        Set<String> modules() {
            return sources.stream().map(Source::module).collect(Collectors.toCollection(TreeSet::new));
        }

        /** The module that holds {@code pkg} (the first, if it is split; see {@link #splitPackages}), or null. */
        String owner(String pkg) {
            Set<String> m = modulesOfPackage.get(pkg);
            return m == null ? null : m.iterator().next();
        }

        List<String> splitPackages() {
            List<String> out = new ArrayList<>();
            modulesOfPackage.forEach((p, m) -> {
                if (m.size() > 1) out.add("package " + p + " is split across " + m + ": a package lives in one module");
            });
            return out;
        }

        /**
         * What a reference names: the longest package of the code base that prefixes it, and the next name as the
         * class (null when the reference is a package wildcard); null if no class name follows a known package.
         */
        Target resolve(Ref r) {
            if (r.wildcard() && modulesOfPackage.containsKey(r.name())) return new Target(r.name(), null);
            String best = modulesOfPackage.keySet().stream().filter(p -> r.name().startsWith(p + "."))
                    .max(Comparator.comparingInt(String::length)).orElse(null);
            if (best == null) return null;
            String cls = r.name().substring(best.length() + 1).split("\\.")[0];
            return Character.isUpperCase(cls.charAt(0)) ? new Target(best, cls) : null;
        }
    }

    /** A reference from a source file: an import, a qualified name in code, or a facade's simple name. */
    record Ref(int line, String name, boolean wildcard, String how) {
        @Override
        public String toString() {
            return how + " " + name + (wildcard ? ".*" : "");
        }
    }

    /** One source file of a module's main code as the rules see it; {@code line} of a Ref counts from 0. */
    record Source(String module, String path, String pkg, String name, int lines, List<Ref> refs) {
        private static final String NAME = "[A-Za-z_$][\\w$]*(?:\\s*\\.\\s*[A-Za-z_$][\\w$]*)*";
        private static final Pattern PACKAGE = Pattern.compile("\\bpackage\\s+(" + NAME + ")\\s*;");
        private static final Pattern IMPORT = Pattern.compile(
                "\\bimport\\s+(static\\s+)?(" + NAME + ")(\\s*\\.\\s*\\*)?\\s*;");
        private static final Pattern QUALIFIED = Pattern.compile(
                "(?<![\\w$.])(?:dev\\s*\\.\\s*cotangent|org\\s*\\.\\s*bytedeco)(?:\\s*\\.\\s*[A-Za-z_$][\\w$]*)+");
        private static final Pattern FACADE_NAME = Pattern.compile(
                "(?<![\\w$.])(" + String.join("|", new TreeSet<>(FACADES)) + ")(?![\\w$])");

        String fqcn() {
            return pkg + "." + name;
        }

        String at(Ref r) {
            return path + ":" + (r.line() + 1) + ": " + r;
        }

        static Source parse(String module, String path, String text) {
            String code = Java.strip(text);
            StringBuilder rest = new StringBuilder(code);   // the code without its package and import lines
            Matcher pm = PACKAGE.matcher(code);
            String pkg = pm.find() ? squeeze(pm.group(1)) : "";
            if (!pkg.isEmpty()) Java.blank(rest, pm.start(), pm.end());
            List<Ref> refs = new ArrayList<>();
            Matcher im = IMPORT.matcher(code);
            while (im.find()) {
                refs.add(new Ref(Java.line(code, im.start(2)), squeeze(im.group(2)), im.group(3) != null,
                        im.group(1) != null ? "import static" : "import"));
                Java.blank(rest, im.start(), im.end());
            }
            Matcher qm = QUALIFIED.matcher(rest);
            while (qm.find()) refs.add(new Ref(Java.line(code, qm.start()), squeeze(qm.group()), false, "qualified name"));
            String file = path.substring(path.lastIndexOf('/') + 1);
            String name = file.substring(0, file.length() - ".java".length());
            if (pkg.equals(ROOT) && !FACADES.contains(name)) {          // a root class may name AD without import
                Matcher fm = FACADE_NAME.matcher(rest);
                Set<String> seen = new HashSet<>();
                while (fm.find()) {
                    if (seen.add(fm.group(1))) {
                        refs.add(new Ref(Java.line(code, fm.start()), ROOT + "." + fm.group(1), false, "same-package name"));
                    }
                }
            }
            return new Source(module, path, pkg, name, (int) text.lines().count(), refs);
        }

        private static String squeeze(String s) {
            return s.replaceAll("\\s+", "");
        }
    }

    /** Just enough of Java's lexical structure to find references: comments and literals blanked out. */
    static final class Java {
        private Java() {}

        /** {@code s} with comments, string, text-block and char literals replaced by spaces (newlines kept). */
        static String strip(String s) {
            StringBuilder out = new StringBuilder(s);
            int n = s.length();
            int i = 0;
            while (i < n) {
                int end;
                if (s.startsWith("//", i)) {
                    end = s.indexOf('\n', i);
                    end = end < 0 ? n : end;
                } else if (s.startsWith("/*", i)) {
                    end = s.indexOf("*/", i + 2);
                    end = end < 0 ? n : end + 2;
                } else if (s.startsWith("\"\"\"", i)) {
                    int j = i + 3;
                    while (j < n && !s.startsWith("\"\"\"", j)) j += s.charAt(j) == '\\' ? 2 : 1;
                    end = Math.min(n, j + 3);
                } else if (s.charAt(i) == '"' || s.charAt(i) == '\'') {
                    char q = s.charAt(i);
                    int j = i + 1;
                    while (j < n && s.charAt(j) != q && s.charAt(j) != '\n') j += s.charAt(j) == '\\' ? 2 : 1;
                    end = Math.min(n, j + 1);
                } else {
                    i++;
                    continue;
                }
                blank(out, i, end);
                i = end;
            }
            return out.toString();
        }

        /** Replaces {@code [from, to)} of {@code sb} by spaces, keeping newlines (so line numbers hold). */
        static void blank(StringBuilder sb, int from, int to) {
            for (int k = from; k < to; k++) if (sb.charAt(k) != '\n') sb.setCharAt(k, ' ');
        }

        /** The line (from 0) of offset {@code at}. */
        static int line(String s, int at) {
            int l = 0;
            for (int k = 0; k < at; k++) if (s.charAt(k) == '\n') l++;
            return l;
        }
    }
}
