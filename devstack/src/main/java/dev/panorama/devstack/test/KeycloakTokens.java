package dev.panorama.devstack.test;

import dev.panorama.devstack.DevStack;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** Real access tokens from the devstack Keycloak, and forged ones, for tests. */
public final class KeycloakTokens {

    /** The password of every demo user of the panorama realm. */
    public static final String DEMO_PASSWORD = "panorama";
    private static final String TEST_CLIENT = "panorama-cli";
    /** Issues access tokens that live one second (client attribute access.token.lifespan in the realm). */
    private static final String SHORT_LIVED_CLIENT = "panorama-cli-short-lived";
    private static final Pattern EXPIRY = Pattern.compile("\"exp\"\\s*:\\s*(\\d+)");
    private static final Map<String, String> EXPIRED = new ConcurrentHashMap<>();
    private static final Pattern ACCESS_TOKEN = Pattern.compile("\"access_token\"\\s*:\\s*\"([^\"]+)\"");
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private KeycloakTokens() {
    }

    /** A user's access token, by the password grant of the development client. */
    public static String forUser(String username) {
        return requestToken(Map.of("grant_type", "password", "client_id", TEST_CLIENT,
                "username", username, "password", DEMO_PASSWORD));
    }

    /**
     * A user's access token signed by Keycloak, with the realm's issuer, that has expired: issued by the
     * short-lived test client, returned once its expiry is past (the first call per user waits about two
     * seconds; an expired token stays expired, so later calls reuse it).
     */
    public static String expiredForUser(String username) {
        return EXPIRED.computeIfAbsent(username, user -> waitUntilExpired(requestToken(Map.of("grant_type", "password",
                "client_id", SHORT_LIVED_CLIENT, "username", user, "password", DEMO_PASSWORD))));
    }

    /** A user's access token that lives about one second (from the short-lived test client), still valid when returned. */
    public static String shortLivedForUser(String username) {
        return requestToken(Map.of("grant_type", "password", "client_id", SHORT_LIVED_CLIENT, "username", username,
                "password", DEMO_PASSWORD));
    }

    /** Returns once the token has expired: a second past its {@code exp}. */
    public static void awaitExpiry(String token) {
        waitUntilExpired(token);
    }

    /** When the token expires, from its {@code exp} claim. */
    public static Instant expiry(String token) {
        String payload = new String(Base64.getUrlDecoder().decode(token.split("\\.")[1]), StandardCharsets.UTF_8);
        Matcher exp = EXPIRY.matcher(payload);
        if (!exp.find()) {
            throw new IllegalStateException("the token has no exp claim");
        }
        return Instant.ofEpochSecond(Long.parseLong(exp.group(1)));
    }

    private static String waitUntilExpired(String token) {
        // exp has whole seconds and a validator may compare at that precision: a second past it is safely expired
        Instant expired = expiry(token).plusSeconds(1);
        if (expiry(token).isAfter(Instant.now().plusSeconds(60))) {
            throw new IllegalStateException("the short-lived client issued a token for more than a minute; check its access.token.lifespan");
        }
        while (Instant.now().isBefore(expired)) {
            try {
                Thread.sleep(Math.max(1, Duration.between(Instant.now(), expired).toMillis()));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        return token;
    }

    /** The token with a realm role added to its payload, keeping the signature of the original: a forgery. */
    public static String withRoleAdded(String token, String role) {
        String[] parts = token.split("\\.");
        String payload = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)
                .replace("\"roles\":[", "\"roles\":[\"" + role + "\",");
        return parts[0] + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(payload.getBytes(StandardCharsets.UTF_8))
                + "." + parts[2];
    }

    /** A confidential client's access token, by client credentials (demo secret: {@code <clientId>-secret}). */
    public static String forClient(String clientId) {
        return requestToken(Map.of("grant_type", "client_credentials", "client_id", clientId,
                "client_secret", clientId + "-secret"));
    }

    /** A well-formed token with the realm's issuer and an admin role, signed by a key Keycloak never had. */
    public static String forged() {
        return forgedWith(issuer(), Instant.now().plusSeconds(300));
    }

    /** Like {@link #forged()}, with the given issuer and expiry. */
    public static String forgedWith(String issuer, Instant expiresAt) {
        String header = json(Map.of("alg", "RS256", "typ", "JWT", "kid", "forged"));
        String payload = "{\"iss\":\"" + issuer + "\",\"sub\":\"" + UUID.randomUUID() + "\",\"exp\":"
                + expiresAt.getEpochSecond() + ",\"iat\":" + Instant.now().getEpochSecond()
                + ",\"preferred_username\":\"mallory\",\"typ\":\"Bearer\",\"azp\":\"" + TEST_CLIENT
                + "\",\"realm_access\":{\"roles\":[\"agent\",\"supervisor\",\"admin\"]}}";
        String signingInput = base64Url(header) + "." + base64Url(payload);
        return signingInput + "." + sign(signingInput);
    }

    public static String issuer() {
        return DevStack.shared().keycloak().issuer();
    }

    private static String requestToken(Map<String, String> form) {
        String body = form.entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        HttpRequest request = HttpRequest.newBuilder(URI.create(issuer() + "/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .timeout(Duration.ofSeconds(10))
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
        try {
            HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            Matcher token = ACCESS_TOKEN.matcher(response.body());
            if (response.statusCode() != 200 || !token.find()) {
                throw new IllegalStateException("Keycloak refused a token (" + response.statusCode() + "): "
                        + response.body());
            }
            return token.group(1);
        } catch (IOException e) {
            throw new IllegalStateException("Keycloak unreachable", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String sign(String signingInput) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            KeyPair foreignKey = generator.generateKeyPair();
            Signature signature = Signature.getInstance("SHA256withRSA");
            signature.initSign(foreignKey.getPrivate());
            signature.update(signingInput.getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(signature.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String json(Map<String, String> fields) {
        return fields.entrySet().stream()
                .map(e -> "\"" + e.getKey() + "\":\"" + e.getValue() + "\"")
                .collect(Collectors.joining(",", "{", "}"));
    }

    private static String base64Url(String text) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }
}
