package dev.cotangent.primitive;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Adding a primitive without registering it fails here: the compiled classes of {@code dev.cotangent.primitive}
 * and its subpackages (main code only, from the directory that holds {@link Primitive}'s class file) are listed,
 * and every concrete {@link Primitive} subclass must have a case in {@link Registry}, as must every ready-made
 * instance a class publishes as a static field (e.g. {@code Compare.LT}).
 */
class RegistryTest {

    /** Every concrete Primitive class compiled from the main sources of the primitive package (subpackages too). */
    static Set<Class<?>> concretePrimitiveClasses() throws IOException, URISyntaxException, ClassNotFoundException {
        Path root = Paths.get(Primitive.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        Path dir = root.resolve(Primitive.class.getPackageName().replace('.', '/'));
        Set<Class<?>> out = new HashSet<>();
        List<Path> files;
        try (Stream<Path> s = Files.walk(dir)) { // subpackages too (primitive.linalg)
            files = s.filter(f -> f.toString().endsWith(".class")).collect(Collectors.toList());
        }
        for (Path f : files) {
            String relative = dir.relativize(f).toString().replace(".class", "")
                    .replace(f.getFileSystem().getSeparator(), ".");
            Class<?> c = Class.forName(Primitive.class.getPackageName() + "." + relative, false,
                    Primitive.class.getClassLoader());
            if (Primitive.class.isAssignableFrom(c) && !Modifier.isAbstract(c.getModifiers()) && !c.isInterface()) {
                out.add(c);
            }
        }
        return out;
    }

    @Test
    void theScanSeesThePrimitivePackage() throws Exception {
        Set<Class<?>> found = concretePrimitiveClasses();
        // guards against a scan that silently finds nothing and so passes the coverage test vacuously
        assertTrue(found.contains(Add.class) && found.contains(MatMul.class) && found.contains(Sum.class),
                "scan of the primitive package found " + found);
        assertTrue(found.size() >= 40, "only " + found.size() + " primitive classes found: " + found);
        assertTrue(found.stream().anyMatch(c -> c.getPackageName().startsWith(Primitive.class.getPackageName() + ".")),
                "the scan found no primitive in a subpackage (primitive.linalg): " + found);
    }

    @Test
    void everyConcretePrimitiveClassIsRegistered() throws Exception {
        Set<Class<? extends Primitive>> registered = Registry.classes();
        Set<String> missing = new TreeSet<>();
        for (Class<?> c : concretePrimitiveClasses()) if (!registered.contains(c)) missing.add(c.getName());
        if (!missing.isEmpty()) {
            fail("primitives without a case in Registry (add their parameterisations and input domains there, "
                    + "so the exhaustive rule test checks their JVP/VJP rules): " + missing);
        }
    }

    @Test
    void everyPublishedInstanceIsRegistered() throws Exception {
        Set<String> missing = new TreeSet<>();
        for (Class<?> c : concretePrimitiveClasses()) {
            for (Field f : c.getDeclaredFields()) {
                int m = f.getModifiers();
                if (!Modifier.isStatic(m) || !Modifier.isPublic(m) || !Primitive.class.isAssignableFrom(f.getType())) {
                    continue;
                }
                Primitive p = (Primitive) f.get(null);
                boolean found = Registry.cases().stream().anyMatch(k -> k.primitive().equals(p));
                if (!found) missing.add(c.getSimpleName() + "." + f.getName());
            }
        }
        assertTrue(missing.isEmpty(), "published primitive instances without a case in Registry: " + missing);
    }

    @Test
    void labelsAreUnique() {
        Set<String> seen = new HashSet<>();
        for (Registry.Case c : Registry.cases()) assertTrue(seen.add(c.label()), "duplicate label " + c.label());
    }

    @Test
    void inputsMatchArityAndAreFreshOnEachDraw() {
        for (Registry.Case c : Registry.cases()) {
            var r = new java.util.SplittableRandom(7);
            var a = c.inputs().apply(r);
            var b = c.inputs().apply(r);
            assertEquals(c.primitive().arity(), a.length, c.label() + ": operand count");
            assertTrue(a[0] != b[0], c.label() + ": the generator must draw new arrays");
        }
    }
}
