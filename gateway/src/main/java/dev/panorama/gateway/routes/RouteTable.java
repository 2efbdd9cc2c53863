package dev.panorama.gateway.routes;

import java.util.List;
import java.util.Optional;

/** Which upstream owns a request path: the first route, in configured order, with a matching pattern. */
public final class RouteTable {

    /** One entry: the upstream's name and the path patterns it owns. */
    public record Route(String upstream, List<PathPattern> patterns) {

        public Route {
            patterns = List.copyOf(patterns);
        }

        public static Route of(String upstream, List<String> patterns) {
            return new Route(upstream, patterns.stream().map(PathPattern::parse).toList());
        }

        Optional<PathPattern> patternFor(List<String> segments) {
            for (PathPattern pattern : patterns) {
                if (pattern.matches(segments)) {
                    return Optional.of(pattern);
                }
            }
            return Optional.empty();
        }
    }

    /** The upstream owning a path and the route pattern that matched it. */
    public record Match(String upstream, PathPattern pattern) {
    }

    private final List<Route> routes;

    public RouteTable(List<Route> routes) {
        this.routes = List.copyOf(routes);
    }

    /** The upstream owning the path, or empty when no route covers it. */
    public Optional<String> upstreamFor(String path) {
        return match(path).map(Match::upstream);
    }

    /** The upstream owning the path and the pattern it was matched by, or empty when no route covers it. */
    public Optional<Match> match(String path) {
        List<String> segments = RequestPath.segments(path);
        for (Route route : routes) {
            Optional<PathPattern> pattern = route.patternFor(segments);
            if (pattern.isPresent()) {
                return Optional.of(new Match(route.upstream(), pattern.get()));
            }
        }
        return Optional.empty();
    }

    public List<Route> routes() {
        return routes;
    }
}
