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

        boolean matches(List<String> segments) {
            return patterns.stream().anyMatch(pattern -> pattern.matches(segments));
        }
    }

    private final List<Route> routes;

    public RouteTable(List<Route> routes) {
        this.routes = List.copyOf(routes);
    }

    /** The upstream owning the path, or empty when no route covers it. */
    public Optional<String> upstreamFor(String path) {
        List<String> segments = RequestPath.segments(path);
        return routes.stream().filter(route -> route.matches(segments)).map(Route::upstream).findFirst();
    }

    public List<Route> routes() {
        return routes;
    }
}
