package dev.panorama.routing.skills;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** The skills table. */
@ApplicationScoped
public class SkillCatalogue {

    public Uni<List<Skill>> all(SqlConnection connection) {
        return connection.query("select name, description from skill order by name").execute()
                .map(rows -> {
                    List<Skill> skills = new ArrayList<>();
                    rows.forEach(row -> skills.add(skill(row)));
                    return skills;
                });
    }

    /** Creates the skill or changes its description; answers whether it is new. */
    public Uni<Boolean> put(SqlConnection connection, Skill skill) {
        return connection.preparedQuery("insert into skill (name, description) values ($1, $2)"
                        + " on conflict (name) do update set description = excluded.description returning (xmax = 0) as created")
                .execute(Tuple.of(skill.name(), skill.description()))
                .map(rows -> rows.iterator().next().getBoolean("created"));
    }

    public Uni<Void> remove(SqlConnection connection, String name) {
        return connection.preparedQuery("select count(*) as holders from agent_skill where skill = $1").execute(Tuple.of(name))
                .map(rows -> rows.iterator().next().getLong("holders"))
                .chain(holders -> holders > 0 ? Uni.createFrom().failure(new SkillInUse(name, holders))
                        : connection.preparedQuery("delete from skill where name = $1").execute(Tuple.of(name)))
                .invoke(rows -> {
                    if (rows.rowCount() == 0) {
                        throw new UnknownSkill(name);
                    }
                })
                .replaceWithVoid();
    }

    /** Fails with {@link UnknownSkill} naming every skill of {@code names} the catalogue lacks. */
    public Uni<Void> requireKnown(SqlConnection connection, Collection<String> names) {
        return known(connection, names).invoke(known -> {
            List<String> unknown = names.stream().filter(name -> !known.contains(name)).distinct().sorted().toList();
            if (!unknown.isEmpty()) {
                throw new UnknownSkill(unknown);
            }
        }).replaceWithVoid();
    }

    public Uni<Set<String>> known(SqlConnection connection, Collection<String> names) {
        if (names.isEmpty()) {
            return Uni.createFrom().item(Set.of());
        }
        return connection.preparedQuery("select name from skill where name = any($1)")
                .execute(Tuple.of(names.toArray(String[]::new)))
                .map(rows -> {
                    Set<String> known = new HashSet<>();
                    rows.forEach(row -> known.add(row.getString("name")));
                    return known;
                });
    }

    private static Skill skill(Row row) {
        return new Skill(row.getString("name"), row.getString("description"));
    }
}
