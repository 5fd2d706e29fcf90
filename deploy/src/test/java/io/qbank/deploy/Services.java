package io.qbank.deploy;

/**
 * The five services on their own ports, not through the gateway: for the tests that send the services more requests than
 * the gateway lets one client send (the sweeps and the fuzzer), and for what the gateway does not route (/q/*).
 */
final class Services {

    static final String AUTHORING = url("authoring", 8081);
    static final String DELIVERY = url("delivery", 8082);
    static final String GENERATION = url("generation", 8083);
    static final String REVIEW = url("review", 8084);
    static final String ANALYTICS = url("analytics", 8085);

    private Services() {
    }

    static String url(String service, int port) {
        return System.getProperty("qbank." + service + ".url", "http://127.0.0.1:" + port);
    }
}
