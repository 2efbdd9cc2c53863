package dev.panorama.devstack.process;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/** Removing what devstack left on disk. */
public final class Directories {

    private Directories() {
    }

    /** Deletes a directory tree, best effort: a leftover is reported, never fatal. */
    public static void deleteRecursively(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            System.err.println("devstack: could not delete " + dir + ": " + e);
        }
    }
}
