package dev.panorama.devstack.keycloak;

import dev.panorama.devstack.process.Http;
import dev.panorama.devstack.process.Java;
import dev.panorama.devstack.process.ManagedProcess;
import dev.panorama.devstack.process.ManagedProcess.StopSignal;
import dev.panorama.devstack.process.Ports;
import dev.panorama.devstack.process.StartTimeout;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * The real Keycloak server (keycloak-quarkus-dist) in development mode with realm {@code panorama}
 * imported, or an external Keycloak.
 *
 * <p>Each server gets its own home directory (its own data and realm import) that links to the
 * unpacked distribution in the cache, so several can run side by side. The hostname is pinned, so the
 * token issuer is the same whoever asks.
 */
public final class KeycloakServer implements AutoCloseable {

    public static final String REALM = "panorama";
    public static final String REALM_RESOURCE = "/dev/panorama/devstack/keycloak/panorama-realm.json";

    private final String url;
    private final ManagedProcess process;

    private KeycloakServer(String url, ManagedProcess process) {
        this.url = url;
        this.process = process;
    }

    public static KeycloakServer external(String url) {
        return new KeycloakServer(url.replaceAll("/+$", ""), null);
    }

    public static KeycloakServer start(Path distribution, Path dataDir, Path logDir, int port, int managementPort) {
        Path home = prepareHome(distribution, dataDir);
        String url = "http://127.0.0.1:" + port;
        List<String> command = List.of(home.resolve("bin/kc.sh").toString(), "start-dev",
                "--http-host=127.0.0.1", "--http-port=" + port, "--hostname=" + url,
                "--http-management-port=" + managementPort, "--health-enabled=true",
                "--db=dev-mem", "--import-realm",
                // Keycloak's default refuses a user's login while it still books the previous one off-thread, so one
                // person in the console and a CLI at once, or a test's next login under load, got "Invalid user
                // credentials"; failed logins are still counted and lock the account.
                "--spi-brute-force-protector--default-brute-force-detector--allow-concurrent-requests=true");
        Map<String, String> environment = Map.of(
                "JAVA_HOME", Java.home(),
                "JAVA_OPTS_KC_HEAP", "-Xms64m -Xmx512m",
                "KC_BOOTSTRAP_ADMIN_USERNAME", "admin",
                "KC_BOOTSTRAP_ADMIN_PASSWORD", "admin");
        ManagedProcess process = ManagedProcess.start("keycloak", command, environment,
                logDir.resolve("keycloak.log"), StopSignal.TERM, Duration.ofSeconds(20));
        KeycloakServer server = new KeycloakServer(url, process);
        Ports.await("Keycloak", StartTimeout.atLeast(Duration.ofMinutes(3)), process,
                () -> Http.answers200("http://127.0.0.1:" + managementPort + "/health/ready") && server.realmReady());
        return server;
    }

    private static Path prepareHome(Path distribution, Path dataDir) {
        Path home = dataDir.resolve("home");
        try {
            Files.createDirectories(home.resolve("bin"));
            Files.createDirectories(home.resolve("data/import"));
            Files.copy(distribution.resolve("bin/kc.sh"), home.resolve("bin/kc.sh"), StandardCopyOption.REPLACE_EXISTING);
            copyDirectory(distribution.resolve("conf"), home.resolve("conf"));
            for (String shared : List.of("lib", "themes", "providers")) {
                Path link = home.resolve(shared);
                if (!Files.exists(link, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
                    Files.createSymbolicLink(link, distribution.resolve(shared));
                }
            }
            try (InputStream realm = KeycloakServer.class.getResourceAsStream(REALM_RESOURCE)) {
                Files.copy(realm, home.resolve("data/import/panorama-realm.json"), StandardCopyOption.REPLACE_EXISTING);
            }
            return home;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare a Keycloak home in " + home, e);
        }
    }

    private static void copyDirectory(Path from, Path to) throws IOException {
        Files.createDirectories(to);
        try (var files = Files.list(from)) {
            for (Path file : files.toList()) {
                if (Files.isRegularFile(file)) {
                    Files.copy(file, to.resolve(file.getFileName()), StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }

    private boolean realmReady() {
        return Http.answers200(issuer() + "/.well-known/openid-configuration");
    }

    /** Base address, e.g. {@code http://127.0.0.1:8180}. */
    public String url() {
        return url;
    }

    /** The realm's issuer, which is also the OIDC server address the services use. */
    public String issuer() {
        return url + "/realms/" + REALM;
    }

    public Map<String, String> quarkusConfig() {
        return Map.of("quarkus.oidc.auth-server-url", issuer());
    }

    @Override
    public void close() {
        if (process != null) {
            process.close();
        }
    }
}
