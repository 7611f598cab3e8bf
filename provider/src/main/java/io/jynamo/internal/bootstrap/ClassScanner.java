package io.jynamo.internal.bootstrap;

import io.jynamo.internal.metadata.Annotations;
import jakarta.persistence.Converter;
import jakarta.persistence.Embeddable;
import jakarta.persistence.Entity;
import jakarta.persistence.MappedSuperclass;

import java.io.File;
import java.io.IOException;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/**
 * Finds the annotated classes of a persistence unit's root when the unit does not exclude unlisted
 * classes (JPA 3.2 section 8.2.1.6): a directory or a jar.
 */
final class ClassScanner {

    private static final System.Logger LOG = System.getLogger(ClassScanner.class.getName());

    private ClassScanner() {
    }

    static List<Class<?>> scan(URL root, ClassLoader loader) {
        List<String> names = new ArrayList<>();
        try {
            if ("file".equals(root.getProtocol())) {
                Path dir = Path.of(root.toURI());
                if (Files.isDirectory(dir)) {
                    try (Stream<Path> files = Files.walk(dir)) {
                        files.filter(p -> p.toString().endsWith(".class"))
                                .forEach(p -> names.add(className(dir.relativize(p).toString())));
                    }
                }
            } else if ("jar".equals(root.getProtocol())) {
                JarURLConnection connection = (JarURLConnection) root.openConnection();
                try (JarFile jar = new JarFile(new File(connection.getJarFileURL().toURI()))) {
                    jar.stream().filter(e -> e.getName().endsWith(".class")).forEach(e -> names.add(className(e.getName())));
                }
            }
        } catch (IOException | URISyntaxException e) {
            LOG.log(System.Logger.Level.WARNING, "Cannot scan " + root + " for entities: " + e.getMessage());
        }
        List<Class<?>> classes = new ArrayList<>();
        for (String name : names) {
            if (name.endsWith("module-info") || name.endsWith("package-info") || name.contains("$ByteBuddy$")) {
                continue;
            }
            try {
                Class<?> c = Class.forName(name, false, loader);
                if (Annotations.has(c, Entity.class) || Annotations.has(c, Embeddable.class)
                        || Annotations.has(c, MappedSuperclass.class) || Annotations.has(c, Converter.class)) {
                    classes.add(c);
                }
            } catch (Throwable e) {
                LOG.log(System.Logger.Level.DEBUG, "Skipping " + name + " while scanning: " + e);
            }
        }
        return classes;
    }

    private static String className(String path) {
        return path.substring(0, path.length() - ".class".length()).replace(File.separatorChar, '.').replace('/', '.');
    }
}
