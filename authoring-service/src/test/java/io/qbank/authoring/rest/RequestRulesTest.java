package io.qbank.authoring.rest;

import io.qbank.common.testing.RequestRulesContract;
import io.quarkus.test.junit.QuarkusTest;

/** The contract's token rules and request limits, wired into this service. */
@QuarkusTest
class RequestRulesTest extends RequestRulesContract {

    @Override
    protected String path() {
        return "/api/v1/authoring/topics";
    }
}
