package io.jynamo.internal.config;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * The settings' place among the packages (issue 9): bootstrap is reached only from the entry point, and
 * config, which every runtime package reads, depends on no other internal package.
 */
class PackageDependenciesTest {

    private static final Path MAIN = Path.of("src/main/java");
    private static final Pattern INTERNAL_IMPORT =
            Pattern.compile("^import (?:static )?io\\.jynamo\\.internal\\.(\\w+)", Pattern.MULTILINE);

    private static List<String> importers(String target, Path under) {
        try (Stream<Path> files = Files.walk(MAIN.resolve(under))) {
            return files.filter(f -> f.toString().endsWith(".java"))
                    .filter(f -> !f.startsWith(MAIN.resolve("io/jynamo/internal").resolve(target)))
                    .filter(f -> {
                        Matcher m = INTERNAL_IMPORT.matcher(read(f));
                        while (m.find()) {
                            if (m.group(1).equals(target)) {
                                return true;
                            }
                        }
                        return false;
                    })
                    .map(f -> MAIN.relativize(f).toString().replace('\\', '/'))
                    .sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String read(Path f) {
        try {
            return Files.readString(f);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void onlyTheEntryPointImportsBootstrap() {
        assertEquals(List.of("io/jynamo/JynamoPersistenceProvider.java"), importers("bootstrap", Path.of("io/jynamo")));
    }

    @Test
    void configImportsNoOtherInternalPackage() {
        try (Stream<Path> files = Files.walk(MAIN.resolve("io/jynamo/internal/config"))) {
            List<Path> all = files.filter(f -> f.toString().endsWith(".java")).toList();
            assertFalse(all.isEmpty());
            for (Path f : all) {
                Matcher m = INTERNAL_IMPORT.matcher(read(f));
                while (m.find()) {
                    assertEquals("config", m.group(1), f + " imports io.jynamo.internal." + m.group(1));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
