package dev.panorama.identity.resolution.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Tables of their own, which autovacuum leaves alone, stand in for a new store's. */
@QuarkusTest
class FirstAnalysisTest {

    @Inject
    FirstAnalysis analysis;

    @Inject
    Pool database;

    @Test
    void aNeverAnalysedTableIsAnalysedOnceItHoldsEnoughRowsAndASmallOneIsLeftAlone() throws Throwable {
        String filled = probe(1_500);
        String small = probe(20);

        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).until(() -> {
            analyseDue(List.of(filled, small));
            return analysed(filled);
        });

        assertThat(sql("select reltuples from pg_class where relname = $1", filled).iterator().next().getFloat(0))
                .as("the planner's row count").isEqualTo(1_500f);
        assertThat(analysed(small)).isFalse();
        assertThat(analyseDue(List.of(filled, small))).as("one table is still never analysed").isFalse();
        assertThat(analyseDue(List.of(filled))).as("every table analysed: nothing left to watch").isTrue();
    }

    private String probe(int rows) {
        String table = "first_analysis_probe_" + UUID.randomUUID().toString().replace("-", "");
        sql("create table " + table + " (id int primary key, name text) with (autovacuum_enabled = false)");
        sql("insert into " + table + " select n, 'n' || n from generate_series(1, " + rows + ") n");
        return table;
    }

    private boolean analyseDue(List<String> tables) {
        try {
            return VertxContextSupport.subscribeAndAwait(() -> analysis.analyseDue(tables));
        } catch (Throwable e) {
            throw new AssertionError(e);
        }
    }

    private boolean analysed(String table) {
        return sql("select last_analyze is not null from pg_stat_user_tables where relname = $1", table)
                .iterator().next().getBoolean(0);
    }

    private RowSet<Row> sql(String sql, Object... parameters) {
        return database.preparedQuery(sql).execute(Tuple.from(parameters)).await().atMost(Duration.ofSeconds(30));
    }
}
