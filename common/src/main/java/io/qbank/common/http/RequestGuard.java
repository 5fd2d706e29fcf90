package io.qbank.common.http;

import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.qbank.common.error.Problem;
import io.qbank.common.error.StrictJson;
import io.qbank.common.events.EventJson;
import io.quarkus.logging.Log;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * What no operation of any service accepts is refused here, first of all routes, as problem+json:
 * <ul>
 * <li>a request line or headers too long for any client of ours (414, 431). Vert.x's own limits
 * ({@code quarkus.http.limits}) are set far above these, because what Vert.x refuses itself it answers with an empty
 * plain-text response that no route, filter or mapper ever sees (quarkusio/quarkus#55082);</li>
 * <li>a query parameter with a NUL character (400, with the parameter as the violation's field): PostgreSQL refuses it in
 * text, and no text a person types holds one. JSON bodies are screened by {@link io.qbank.common.error.StrictJson}.</li>
 * </ul>
 */
@ApplicationScoped
public class RequestGuard {

    private final HttpLimitsConfig config;

    public RequestGuard(HttpLimitsConfig config) {
        this.config = config;
    }

    void install(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE).handler(this::check);
    }

    void check(RoutingContext context) {
        int uri = context.request().uri().length();
        if (uri > config.maxUriLength()) {
            refuse(context, 414, "URI Too Long", "the request's URI has " + uri + " characters; at most " + config.maxUriLength() + " are accepted");
            return;
        }
        long headers = 0;
        for (Map.Entry<String, String> header : context.request().headers()) {
            headers += header.getKey().length() + header.getValue().length() + 4;
        }
        if (headers > config.maxHeaderSize()) {
            refuse(context, 431, "Request Header Fields Too Large",
                    "the request's headers have " + headers + " bytes; at most " + config.maxHeaderSize() + " are accepted");
            return;
        }
        if (context.request().query() != null && context.request().query().contains("%00")) {
            for (Map.Entry<String, String> parameter : context.queryParams()) {
                if (parameter.getKey().indexOf(0) >= 0 || parameter.getValue().indexOf(0) >= 0) {
                    refuse(context, Problem.invalid(List.of(new Problem.Violation(parameter.getKey(), StrictJson.NUL_MESSAGE))));
                    return;
                }
            }
        }
        context.next();
    }

    private static void refuse(RoutingContext context, int status, String title, String detail) {
        refuse(context, Problem.of(status, title, detail));
    }

    private static void refuse(RoutingContext context, Problem problem) {
        Log.debugf("refused %s %s: %s", context.request().method(), problem.status(), problem.detail());
        context.response().setStatusCode(problem.status()).putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                .end(EventJson.write(problem));
    }
}
