package dev.panorama.devstack.postgres;

import dev.panorama.devstack.process.ManagedProcess;
import dev.panorama.devstack.process.ManagedProcess.StopSignal;
import dev.panorama.devstack.process.Ports;
import dev.panorama.devstack.process.Restartable;
import dev.panorama.devstack.process.StartTimeout;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.postgresql.Driver;

/**
 * A PostgreSQL server: the real one from the zonky binaries jar, or an external one.
 *
 * <p>PostgreSQL refuses to run as root. When devstack runs as root (as in CI containers), the
 * server runs inside a user namespace where it has an ordinary user id; files on disk stay root's.
 */
public final class PostgresServer implements AutoCloseable, Restartable {

    public static final String DEFAULT_USER = "panorama";
    public static final String DEFAULT_PASSWORD = "panorama";
    private static final int NAMESPACE_UID = 1000;

    private final String host;
    private final int port;
    private final String user;
    private final String password;
    private final ManagedProcess process;

    private PostgresServer(String host, int port, String user, String password, ManagedProcess process) {
        this.host = host;
        this.port = port;
        this.user = user;
        this.password = password;
        this.process = process;
    }

    /** Points at an external server given as {@code host:port}. */
    public static PostgresServer external(String hostPort, String user, String password) {
        int colon = hostPort.lastIndexOf(':');
        return new PostgresServer(hostPort.substring(0, colon), Integer.parseInt(hostPort.substring(colon + 1)),
                user, password, null);
    }

    /**
     * Starts a server on 127.0.0.1.
     *
     * @param durable false for tests: no fsync, since the data dies with the run anyway. Commits stay synchronous even
     *                then (a commit is written to the operating system before it is acknowledged, which costs a write,
     *                not a flush): fault tests kill the server with SIGKILL, and an asynchronous commit still in the
     *                server's WAL buffers would be lost with it although its client was told it committed.
     */
    public static PostgresServer start(Path cacheDir, String version, Path dataDir, Path logDir, int port, boolean durable) {
        Path home = PostgresBinaries.install(cacheDir, version);
        Path cluster = dataDir.resolve("pgdata");
        if (!Files.exists(cluster.resolve("PG_VERSION"))) {
            initCluster(home, dataDir, cluster, logDir);
        }
        List<String> command = new ArrayList<>(asOrdinaryUser());
        command.addAll(List.of(home.resolve("bin/postgres").toString(), "-D", cluster.toString(),
                "-c", "listen_addresses=127.0.0.1", "-c", "port=" + port, "-c", "unix_socket_directories=",
                "-c", "max_connections=300", "-c", "shared_buffers=128MB",
                "-c", "fsync=" + (durable ? "on" : "off"), "-c", "synchronous_commit=on",
                "-c", "full_page_writes=" + (durable ? "on" : "off")));
        for (String setting : extraSettings()) {
            command.addAll(List.of("-c", setting));
        }
        ManagedProcess process = ManagedProcess.start("postgres", command, Map.of(), logDir.resolve("postgres.log"),
                StopSignal.INT, Duration.ofSeconds(20));
        PostgresServer server = new PostgresServer("127.0.0.1", port, DEFAULT_USER, DEFAULT_PASSWORD, process);
        Ports.await("PostgreSQL", StartTimeout.atLeast(Duration.ofSeconds(60)), process, server::acceptsConnections);
        return server;
    }

    /**
     * Extra server settings from the system property {@code panorama.devstack.postgres.settings}, space separated, for a
     * benchmark's analysis: {@code shared_preload_libraries=pg_stat_statements}, say.
     */
    private static List<String> extraSettings() {
        String settings = System.getProperty("panorama.devstack.postgres.settings", "").strip();
        return settings.isEmpty() ? List.of() : List.of(settings.split("\\s+"));
    }

    private static void initCluster(Path home, Path dataDir, Path cluster, Path logDir) {
        try {
            Files.createDirectories(dataDir);
            Path passwordFile = dataDir.resolve("initdb.pw");
            Files.writeString(passwordFile, DEFAULT_PASSWORD);
            List<String> command = new ArrayList<>(asOrdinaryUser());
            command.addAll(List.of(home.resolve("bin/initdb").toString(), "-D", cluster.toString(),
                    "-U", DEFAULT_USER, "--pwfile=" + passwordFile, "--auth=scram-sha-256",
                    "--encoding=UTF8", "--locale=C", "--no-sync"));
            ManagedProcess.runToCompletion("initdb", command, Map.of(), logDir.resolve("postgres-initdb.log"),
                    Duration.ofMinutes(2));
            Files.delete(passwordFile);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot initialise a PostgreSQL cluster in " + cluster, e);
        }
    }

    private static List<String> asOrdinaryUser() {
        boolean root = "root".equals(System.getProperty("user.name"));
        return root
                ? List.of("unshare", "--map-user=" + NAMESPACE_UID, "--map-group=" + NAMESPACE_UID, "--")
                : List.of();
    }

    /** Creates the database unless it exists. */
    public void ensureDatabase(String database) {
        if (!database.matches("[a-z][a-z0-9_]*")) {
            throw new IllegalArgumentException("database names are lower-case identifiers: " + database);
        }
        try (Connection connection = connect("postgres");
                PreparedStatement exists = connection.prepareStatement("select 1 from pg_database where datname = ?")) {
            exists.setString(1, database);
            try (ResultSet result = exists.executeQuery()) {
                if (!result.next()) {
                    connection.createStatement().execute("create database " + database);
                }
            }
        } catch (SQLException e) {
            if (!"42P04".equals(e.getSQLState())) { // created meanwhile by another caller
                throw new IllegalStateException("cannot create database " + database, e);
            }
        }
    }

    /** Quarkus datasource settings for one service's database. */
    public Map<String, String> quarkusConfig(String database) {
        ensureDatabase(database);
        return Map.of(
                "quarkus.datasource.reactive.url", "postgresql://" + host + ":" + port + "/" + database,
                "quarkus.datasource.jdbc.url", jdbcUrl(database),
                "quarkus.datasource.username", user,
                "quarkus.datasource.password", password);
    }

    public String jdbcUrl(String database) {
        return "jdbc:postgresql://" + host + ":" + port + "/" + database;
    }

    public Connection connect(String database) throws SQLException {
        Properties properties = new Properties();
        properties.setProperty("user", user);
        properties.setProperty("password", password);
        properties.setProperty("connectTimeout", "2");
        return new Driver().connect(jdbcUrl(database), properties);
    }

    private boolean acceptsConnections() {
        try (Connection connection = connect("postgres")) {
            return connection.isValid(2);
        } catch (SQLException notYet) {
            return false;
        }
    }

    @Override
    public void kill() {
        managed().kill();
    }

    /** Starts the server again over its cluster (crash recovery replays the WAL) and waits until it accepts connections. */
    @Override
    public void restart() {
        managed().restart();
        Ports.await("PostgreSQL", StartTimeout.atLeast(Duration.ofSeconds(60)), process, this::acceptsConnections);
    }

    private ManagedProcess managed() {
        if (process == null) {
            throw new IllegalStateException("an external PostgreSQL cannot be killed or restarted by devstack");
        }
        return process;
    }

    public int port() {
        return port;
    }

    @Override
    public void close() {
        if (process != null) {
            process.close();
        }
    }
}
