package dev.cotangent.tree;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * What the tree package needs to know of one record class: its components in declaration order (name, declared
 * type, accessor) and its canonical constructor, looked up once per class.
 */
final class Records {
    private static final ClassValue<Records> CACHE = new ClassValue<>() {
        @Override
        protected Records computeValue(Class<?> type) {
            return new Records(type);
        }
    };

    private final Class<?> type;
    private final List<String> names;
    private final Class<?>[] types;
    private final Method[] accessors;
    private final Constructor<?> constructor;

    private Records(Class<?> type) {
        this.type = type;
        RecordComponent[] cs = type.getRecordComponents();
        List<String> n = new ArrayList<>(cs.length);
        this.types = new Class<?>[cs.length];
        this.accessors = new Method[cs.length];
        for (int i = 0; i < cs.length; i++) {
            n.add(cs[i].getName());
            types[i] = cs[i].getType();
            accessors[i] = cs[i].getAccessor();
            accessors[i].trySetAccessible(); // a private or nested record; if refused, invoke says so below
        }
        this.names = Collections.unmodifiableList(n);
        Constructor<?> c;
        try {
            c = type.getDeclaredConstructor(types);
        } catch (NoSuchMethodException e) {
            throw new AssertionError("a record always has its canonical constructor: " + type.getName(), e);
        }
        c.trySetAccessible();
        this.constructor = c;
    }

    /** The description of record class {@code type}. */
    static Records of(Class<?> type) {
        return CACHE.get(type);
    }

    /** The component names in declaration order. */
    List<String> names() {
        return names;
    }

    /** The declared type of component {@code i}. */
    Class<?> type(int i) {
        return types[i];
    }

    /** The value of component {@code i} of {@code r} (at {@code path}, for messages). */
    Object get(Object r, int i, String path) {
        Method m = accessors[i];
        try {
            return m.invoke(r);
        } catch (IllegalAccessException e) {
            throw inaccessible(path, e);
        } catch (InvocationTargetException e) {
            throw new IllegalArgumentException("flatten: the accessor " + names.get(i) + "() of " + type.getName()
                    + " at " + path + " threw " + e.getCause(), e.getCause());
        }
    }

    /** A new record from its component values, through the canonical constructor. */
    Object construct(Object[] args) {
        try {
            return constructor.newInstance(args);
        } catch (IllegalAccessException | InstantiationException e) {
            throw inaccessible(type.getName(), e);
        } catch (InvocationTargetException e) {
            throw new IllegalArgumentException("unflatten: the constructor of " + type.getName() + " threw "
                    + e.getCause(), e.getCause());
        }
    }

    private IllegalArgumentException inaccessible(String where, Exception cause) {
        return new IllegalArgumentException("tree: the record " + type.getName() + " at " + where
                + " cannot be read or built by reflection; make it public, or open its package to dev.cotangent",
                cause);
    }
}
