package dev.panorama.deploy;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.zip.ZipFile;
import org.jboss.jandex.AnnotationInstance;
import org.jboss.jandex.AnnotationTarget;
import org.jboss.jandex.ClassInfo;
import org.jboss.jandex.DotName;
import org.jboss.jandex.Index;
import org.jboss.jandex.Indexer;
import org.jboss.jandex.MethodInfo;

/**
 * The REST endpoints one application serves, read from its compiled JAX-RS resources with a Jandex index:
 * each concrete class with {@code @Path} (on itself or an interface it implements), each of its methods
 * with an HTTP method annotation, and the roles the method or else its class declares.
 */
final class Endpoints {

    /** Any valid token ({@code @PermitAll}, {@code @Authenticated}, {@code @RolesAllowed("**")}). */
    static final String ANY_CALLER = "*";
    /** Nobody ({@code @DenyAll}). */
    static final String NOBODY = "-";

    /**
     * One endpoint: HTTP method, path template (parameters as {@code {name}}), roles allowed, where it is declared, and
     * how it reads a JSON body of the application's own type.
     */
    record Endpoint(String method, String path, List<String> roles, String declaredBy, Body body) {
    }

    /** Whether the endpoint reads a JSON body, and if so whether it refuses fields its type lacks. */
    enum Body {
        NONE, STRICT, LENIENT
    }

    /** An endpoint the table cannot describe, e.g. one that states no roles. */
    static final class Undeclared extends AssertionError {
        Undeclared(String message) {
            super(message);
        }
    }

    private static final String JAXRS = "jakarta.ws.rs.";
    private static final DotName PATH = DotName.createSimple(JAXRS + "Path");
    private static final DotName HTTP_METHOD = DotName.createSimple(JAXRS + "HttpMethod");
    private static final Set<String> STANDARD_METHODS = Set.of("GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS");
    private static final DotName ROLES_ALLOWED = DotName.createSimple("jakarta.annotation.security.RolesAllowed");
    private static final DotName PERMIT_ALL = DotName.createSimple("jakarta.annotation.security.PermitAll");
    private static final DotName DENY_ALL = DotName.createSimple("jakarta.annotation.security.DenyAll");
    private static final DotName AUTHENTICATED = DotName.createSimple("io.quarkus.security.Authenticated");
    private static final DotName CUSTOM_DESERIALIZATION = DotName.createSimple("io.quarkus.resteasy.reactive.jackson.CustomDeserialization");
    private static final String STRICT_JSON = "dev.panorama.kit.problem.StrictJson";
    private static final String APPLICATION_PACKAGE = "dev.panorama.";
    private static final String RESTEASY = "org.jboss.resteasy.reactive.";
    private static final Pattern TEMPLATE_REGEX = Pattern.compile("\\{\\s*([^}:\\s]+)\\s*(:[^}]*)?}");

    private final Index index;

    private Endpoints(Index index) {
        this.index = index;
    }

    /** The endpoints of the classes in a jar or a classes directory. */
    static List<Endpoint> of(Path classes) {
        return new Endpoints(index(classes)).endpoints();
    }

    private List<Endpoint> endpoints() {
        List<Endpoint> endpoints = new ArrayList<>();
        for (ClassInfo resource : index.getKnownClasses()) {
            if (resource.isInterface() || Modifier.isAbstract(resource.flags())) {
                continue;
            }
            Optional<String> base = classPath(resource);
            if (base.isPresent()) {
                endpoints.addAll(endpointsOf(resource, base.get()));
            }
        }
        return endpoints;
    }

    private List<Endpoint> endpointsOf(ClassInfo resource, String base) {
        List<Endpoint> endpoints = new ArrayList<>();
        for (MethodInfo method : resourceMethods(resource)) {
            Optional<String> httpMethod = httpMethod(method);
            String declaredBy = resource.simpleName() + "." + method.name();
            if (httpMethod.isEmpty()) {
                if (method.declaredAnnotation(PATH) != null) {
                    throw new Undeclared(declaredBy + " is a sub-resource locator, which the access-rule generator does not follow");
                }
                continue;
            }
            String path = join(base, value(method.declaredAnnotation(PATH)));
            List<String> roles = roles(method).or(() -> roles(resource)).orElseThrow(() -> new Undeclared(
                    declaredBy + " (" + httpMethod.get() + " " + path + ") states no roles: add @RolesAllowed (or @Authenticated)"));
            endpoints.add(new Endpoint(httpMethod.get(), path, roles, declaredBy, body(resource, method)));
        }
        return endpoints;
    }

    /** The class's own methods and those of the interfaces it implements that it does not override. */
    private List<MethodInfo> resourceMethods(ClassInfo resource) {
        List<MethodInfo> methods = new ArrayList<>(resource.methods());
        for (DotName name : resource.interfaceNames()) {
            ClassInfo contract = index.getClassByName(name);
            if (contract == null) {
                continue;
            }
            contract.methods().stream()
                    .filter(inherited -> resource.method(inherited.name(), inherited.parameterTypes()) == null)
                    .forEach(methods::add);
        }
        return methods;
    }

    private Optional<String> classPath(ClassInfo resource) {
        if (resource.declaredAnnotation(PATH) != null) {
            return Optional.of(value(resource.declaredAnnotation(PATH)));
        }
        return resource.interfaceNames().stream()
                .map(index::getClassByName)
                .filter(contract -> contract != null && contract.declaredAnnotation(PATH) != null)
                .map(contract -> value(contract.declaredAnnotation(PATH)))
                .findFirst();
    }

    private Optional<String> httpMethod(MethodInfo method) {
        for (AnnotationInstance annotation : method.declaredAnnotations()) {
            DotName name = annotation.name();
            if (name.toString().startsWith(JAXRS) && STANDARD_METHODS.contains(name.local())) {
                return Optional.of(name.local());
            }
            ClassInfo custom = index.getClassByName(name);
            if (custom != null && custom.declaredAnnotation(HTTP_METHOD) != null) {
                return Optional.of(custom.declaredAnnotation(HTTP_METHOD).value().asString());
            }
        }
        return Optional.empty();
    }

    private static Optional<List<String>> roles(AnnotationTarget target) {
        AnnotationInstance rolesAllowed = declared(target, ROLES_ALLOWED);
        if (rolesAllowed != null) {
            List<String> roles = Arrays.stream(rolesAllowed.value().asStringArray())
                    .map(role -> role.equals("**") ? ANY_CALLER : role)
                    .distinct().toList();
            if (roles.stream().anyMatch(role -> role.contains("${"))) {
                throw new Undeclared(target + ": roles from configuration expressions cannot be put in the table");
            }
            return Optional.of(roles.contains(ANY_CALLER) ? List.of(ANY_CALLER) : roles);
        }
        if (declared(target, PERMIT_ALL) != null || declared(target, AUTHENTICATED) != null) {
            return Optional.of(List.of(ANY_CALLER));
        }
        if (declared(target, DENY_ALL) != null) {
            return Optional.of(List.of(NOBODY));
        }
        return Optional.empty();
    }

    private static Body body(ClassInfo resource, MethodInfo method) {
        if (!takesApplicationBody(method)) {
            return Body.NONE;
        }
        return readsStrictly(method) || readsStrictly(resource) ? Body.STRICT : Body.LENIENT;
    }

    /** A parameter of the application's own type that no JAX-RS or RESTEasy annotation binds is the request's body. */
    private static boolean takesApplicationBody(MethodInfo method) {
        return method.parameters().stream()
                .filter(parameter -> parameter.type().name().toString().startsWith(APPLICATION_PACKAGE))
                .anyMatch(parameter -> parameter.declaredAnnotations().stream().map(annotation -> annotation.name().toString())
                        .noneMatch(name -> name.startsWith(JAXRS) || name.startsWith(RESTEASY)));
    }

    private static boolean readsStrictly(AnnotationTarget target) {
        AnnotationInstance custom = declared(target, CUSTOM_DESERIALIZATION);
        return custom != null && custom.value().asClass().name().toString().equals(STRICT_JSON);
    }

    private static AnnotationInstance declared(AnnotationTarget target, DotName name) {
        return switch (target.kind()) {
            case CLASS -> target.asClass().declaredAnnotation(name);
            case METHOD -> target.asMethod().declaredAnnotation(name);
            default -> null;
        };
    }

    private static String value(AnnotationInstance path) {
        return path == null ? "" : path.value().asString();
    }

    /** Joins path parts with single slashes and writes each template parameter as {@code {name}}. */
    static String join(String... parts) {
        String joined = Arrays.stream(parts)
                .flatMap(part -> Arrays.stream(part.split("/")))
                .filter(segment -> !segment.isBlank())
                .collect(Collectors.joining("/", "/", ""));
        return TEMPLATE_REGEX.matcher(joined).replaceAll("{$1}");
    }

    private static Index index(Path classes) {
        Indexer indexer = new Indexer();
        try {
            if (Files.isDirectory(classes)) {
                try (Stream<Path> files = Files.walk(classes)) {
                    for (Path file : files.filter(f -> f.toString().endsWith(".class")).toList()) {
                        try (InputStream in = Files.newInputStream(file)) {
                            indexer.index(in);
                        }
                    }
                }
            } else {
                try (ZipFile jar = new ZipFile(classes.toFile())) {
                    for (var entry : jar.stream().filter(e -> e.getName().endsWith(".class")).toList()) {
                        try (InputStream in = jar.getInputStream(entry)) {
                            indexer.index(in);
                        }
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return indexer.complete();
    }
}
