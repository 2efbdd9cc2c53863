package dev.panorama.profile.api;

import dev.panorama.kit.problem.InvalidInputException;
import dev.panorama.profile.config.ProfileConfig;
import dev.panorama.profile.reading.ProfileView;
import dev.panorama.profile.reading.RoutingHints;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

@Path("/api/v1/profiles")
@Produces(MediaType.APPLICATION_JSON)
public class ProfilesResource {

    private final ProfileQueries queries;
    private final SecurityIdentity identity;
    private final ProfileConfig config;

    public ProfilesResource(ProfileQueries queries, SecurityIdentity identity, ProfileConfig config) {
        this.queries = queries;
        this.identity = identity;
        this.config = config;
    }

    @GET
    @Path("/{customerId}")
    @RolesAllowed({"agent", "supervisor", "admin", "data-steward", "customer"})
    @Operation(summary = "A customer's 360-degree profile",
            description = "Staff see everything (each read is audit-logged); a customer token sees only its own profile"
                    + " (the token's customer_id claim) without the staff-only parts: identifiers, source accounts, tier,"
                    + " segments, agents, insights, severities and campaign details. A merged customer's id answers with"
                    + " mergedInto, the survivor's id.")
    @APIResponse(responseCode = "200", description = "The profile, or a pointer to the survivor of a merge")
    @APIResponse(responseCode = "403", description = "A customer asked for another customer's profile")
    @APIResponse(responseCode = "404", description = "No profile: unknown or erased customer")
    public Uni<ProfileView> profile(@PathParam("customerId") UUID customerId) {
        return queries.profile(Reader.of(identity), customerId);
    }

    @GET
    @Path("/{customerId}/insights")
    @RolesAllowed({"agent", "supervisor", "admin", "data-steward"})
    @Operation(summary = "Other accounts? A recent offer? An unresolved problem? Each answered with the facts behind it")
    @APIResponse(responseCode = "200", description = "The three answers")
    @APIResponse(responseCode = "404", description = "No profile, or the customer was merged (read the survivor's)")
    public Uni<ProfileView.Insights> insights(@PathParam("customerId") UUID customerId) {
        return queries.insights(Reader.of(identity), customerId);
    }

    @GET
    @Path("/{customerId}/routing-hints")
    @RolesAllowed({"agent", "supervisor", "admin", "service"})
    @Operation(summary = "What routing needs: tier, a priority boost, open cases, agents who served the customer lately")
    @APIResponse(responseCode = "200", description = "The hints")
    @APIResponse(responseCode = "404", description = "No profile, or the customer was merged (ask for the survivor)")
    public Uni<RoutingHints> routingHints(@PathParam("customerId") UUID customerId) {
        return queries.routingHints(Reader.of(identity), customerId);
    }

    @GET
    @RolesAllowed({"agent", "supervisor", "admin", "data-steward"})
    @Operation(summary = "Find profiles by an identifier, or search by name, email or phone prefix",
            description = "Exactly one of identifier (type:value: email:..., phone:..., a source system and its customer"
                    + " number such as crm:C-1, or an identifier type such as national-id:...) or q (a prefix of a name"
                    + " part, an email or a phone number, at least 2 characters).")
    @APIResponse(responseCode = "200", description = "The matching profiles, one page")
    @APIResponse(responseCode = "400", description = "Neither or both of identifier and q, or a bad limit")
    public Uni<ProfileQueries.ProfilePage> find(
            @QueryParam("identifier") @Size(max = 320) @Parameter(description = "type:value") String identifier,
            @QueryParam("q") @Size(max = 100) @Parameter(description = "a prefix of a name, email or phone") String q,
            @QueryParam("limit") Integer limit, @QueryParam("cursor") @Size(max = 64) String cursor) {
        int size = Paging.limit(limit, config.maxPageSize());
        if ((identifier == null) == (q == null)) {
            throw InvalidInputException.field(identifier == null ? "q" : "identifier", "give exactly one of identifier and q");
        }
        Reader who = Reader.of(identity);
        return identifier != null
                ? queries.byIdentifier(who, identifier, size).map(found -> new ProfileQueries.ProfilePage(found, null))
                : queries.search(who, q, cursor, size);
    }
}
