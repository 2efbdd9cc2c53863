package dev.panorama.identity.resolution.persistence;

import dev.panorama.identity.config.IdentityConfig;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.jboss.logging.Logger;

/**
 * Has PostgreSQL analyse resolution's tables as soon as a new store has some rows in them, rather than at autovacuum's
 * first visit (within its nap time, a minute). Until a table is analysed, the plans the service caches are made for a
 * table of unknown content: in the first minute of a first bulk load, the neighbourhood read walked some 3,300 blocks
 * per record instead of some 110 (bench/README.md, identity-service speed). Once every table has been analysed, by this
 * or by autovacuum, it stops looking.
 */
@ApplicationScoped
public class FirstAnalysis {

    static final List<String> TABLES = List.of("source_record", "blocking_key", "customer");
    private static final Logger LOG = Logger.getLogger(FirstAnalysis.class);
    /** Each never analysed table among the given ones, and whether enough rows were written to it to analyse it. */
    private static final String NEVER_ANALYSED = "select relname, n_mod_since_analyze >= ?2 from pg_stat_user_tables"
            + " where schemaname = current_schema() and relname = any(cast(cast(?1 as text) as text[]))"
            + " and last_analyze is null and last_autoanalyze is null";

    private final long rows;
    /** Asked once each: a role that does not own a table is only warned by PostgreSQL, and autovacuum will see to it. */
    private final Set<String> asked = ConcurrentHashMap.newKeySet();
    private volatile boolean settled;

    FirstAnalysis(IdentityConfig config) {
        this.rows = config.firstAnalysis().rows();
        this.settled = rows <= 0;
    }

    @Scheduled(every = "${panorama.identity.first-analysis.every:5s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> scheduled() {
        if (settled) {
            return Uni.createFrom().voidItem();
        }
        return analyseDue(TABLES).invoke(done -> settled = done).replaceWithVoid()
                .onFailure().invoke(e -> LOG.infof("First analysis skipped, will retry: %s", e.getMessage()))
                .onFailure().recoverWithNull();
    }

    /** Analyses those of the tables never analysed that hold enough rows; true once none is left unanalysed. */
    Uni<Boolean> analyseDue(List<String> tables) {
        String names = "{" + String.join(",", tables) + "}";
        return Panache.withSession(() -> neverAnalysed(names).chain(this::analyseNotYetAsked));
    }

    /** True when every table never analysed was analysed now. */
    private Uni<Boolean> analyseNotYetAsked(List<Object[]> neverAnalysed) {
        List<String> due = neverAnalysed.stream().filter(table -> Boolean.TRUE.equals(table[1]))
                .map(table -> (String) table[0]).filter(asked::add).toList();
        return Multi.createFrom().iterable(due).onItem().transformToUniAndConcatenate(this::analyse)
                .collect().last().map(ignored -> due.size() == neverAnalysed.size());
    }

    private Uni<List<Object[]>> neverAnalysed(String names) {
        return Panache.getSession().chain(session -> session.createNativeQuery(NEVER_ANALYSED, Object[].class)
                .setParameter(1, names).setParameter(2, rows).getResultList());
    }

    private Uni<Void> analyse(String table) {
        LOG.infof("Analysing %s for the planner: never analysed, and %d rows or more written to it", table, rows);
        // a name read from pg_stat_user_tables among the fixed TABLES, never from input
        return Panache.getSession().chain(session -> session.createNativeQuery("analyze " + table).executeUpdate())
                .replaceWithVoid();
    }
}
