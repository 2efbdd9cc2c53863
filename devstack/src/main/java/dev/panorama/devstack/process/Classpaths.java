package dev.panorama.devstack.process;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/** Classpaths for the servers devstack runs as JVMs of their own. */
public final class Classpaths {

    private Classpaths() {
    }

    /** A classpath that a build module resolved and wrote into a resource. */
    public static String fromResource(String resource, String builtBy) {
        try (InputStream in = Classpaths.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " missing: build the " + builtBy + " module");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).trim();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The jar or classes directory that holds the given class, found without loading the class. */
    public static String rootOf(String className) {
        String resource = className.replace('.', '/') + ".class";
        URL url = Classpaths.class.getClassLoader().getResource(resource);
        if (url == null) {
            throw new IllegalStateException(className + " not on the classpath");
        }
        try {
            String location = url.toString();
            if (location.startsWith("jar:")) {
                return Path.of(new URL(location.substring(4, location.indexOf("!/"))).toURI()).toString();
            }
            Path classFile = Path.of(url.toURI());
            Path root = classFile;
            for (int i = 0; i < resource.split("/").length; i++) {
                root = root.getParent();
            }
            return root.toString();
        } catch (URISyntaxException | java.net.MalformedURLException e) {
            throw new IllegalStateException("cannot locate " + className, e);
        }
    }
}
