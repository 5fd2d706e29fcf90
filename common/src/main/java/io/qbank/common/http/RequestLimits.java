package io.qbank.common.http;

import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.qbank.common.error.Problem;
import io.qbank.common.events.EventJson;
import io.quarkus.logging.Log;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * A request line or headers too long for any client of ours are refused here, first of all routes, as problem+json
 * (414, 431). Vert.x's own limits ({@code quarkus.http.limits}) are set far above these, because what Vert.x refuses
 * itself it answers with an empty plain-text response that no route, filter or mapper ever sees (quarkusio/quarkus#55082).
 */
@ApplicationScoped
public class RequestLimits {

    private final HttpLimitsConfig config;

    public RequestLimits(HttpLimitsConfig config) {
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
        context.next();
    }

    private static void refuse(RoutingContext context, int status, String title, String detail) {
        Log.debugf("refused %s %s: %s", context.request().method(), status, detail);
        context.response().setStatusCode(status).putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                .end(EventJson.write(Problem.of(status, title, detail)));
    }
}
