package io.qbank.authoring.rest;

import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.ResponseStatus;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;

import io.qbank.authoring.service.ItemPage;
import io.qbank.authoring.service.ItemQuery;
import io.qbank.authoring.service.ItemSearch;
import io.qbank.common.error.RetryReads;
import io.qbank.common.security.CurrentUserContext;
import io.qbank.common.security.Roles;
import io.smallrye.mutiny.Uni;

@RetryReads
@Path("/api/v1/authoring/review-queue")
@Produces(MediaType.APPLICATION_JSON)
@SecurityRequirement(name = "jwt")
public class ReviewQueueResource {

    private final ItemSearch search;
    private final CurrentUserContext user;

    public ReviewQueueResource(ItemSearch search, CurrentUserContext user) {
        this.search = search;
        this.user = user;
    }

    @GET
    @RolesAllowed({ Roles.AUTHOR, Roles.PUBLISHER, Roles.ADMIN })
    @Tag(name = "Workflow")
    @Operation(summary = "The review queue: items in review, with open flags, or generated drafts not yet submitted; waiting longest first (roles: author, publisher, admin)")
    public Uni<ItemPage> reviewQueue(@RestQuery UUID topicId,
            @RestQuery @DefaultValue("0") @Min(0) @Max(10000) int page,
            @RestQuery @DefaultValue("20") @Min(1) @Max(100) int size) {
        return search.list(user.get(), new ItemQuery(null, topicId, null, null, null, null, null, null, null, true,
                ItemQuery.Sort.WAITING, page, size));
    }
}
