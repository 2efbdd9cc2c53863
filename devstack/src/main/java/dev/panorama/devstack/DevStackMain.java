package dev.panorama.devstack;

import dev.panorama.devstack.suite.LocalSuite;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

/**
 * {@code DevStackMain <suite-root>}: runs the whole suite until stopped (SIGTERM or Ctrl-C), as
 * {@code ./panorama up} does. When everything is ready it writes {@code .panorama/ready} with the
 * summary; on stop it stops every process it started.
 */
public final class DevStackMain {

    private DevStackMain() {
    }

    public static void main(String[] args) throws Exception {
        Path root = Path.of(args.length > 0 ? args[0] : ".").toAbsolutePath().normalize();
        Path ready = root.resolve(".panorama/ready");
        Files.deleteIfExists(ready);
        LocalSuite suite = new LocalSuite(root);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            suite.close();
            stopped.countDown();
        }, "panorama-stop"));
        try {
            long start = System.nanoTime();
            suite.start();
            String summary = suite.summary() + String.format("Whole suite ready in %.1f s.%n", (System.nanoTime() - start) / 1e9);
            Files.writeString(ready, summary);
            System.out.println(summary);
        } catch (RuntimeException e) {
            System.err.println("panorama: start failed: " + e.getMessage());
            System.exit(1);
        }
        stopped.await();
    }
}
