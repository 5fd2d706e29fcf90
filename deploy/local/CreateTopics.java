import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;

/**
 * Creates the missing topics of deploy/topics.txt (passed as "name:partitions:cleanup,...") with the
 * Admin API: one JVM for all topics. Waits until the broker's controller answers, which makes it the
 * readiness check of the local Kafka too. Run with the Kafka jars on the class path (java Source launcher).
 */
public class CreateTopics {
    public static void main(String[] args) throws Exception {
        Properties props = new Properties();
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, args[0]);
        props.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, "5000");
        props.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, "10000");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
        try (Admin admin = Admin.create(props)) {
            Set<String> existing = null;
            while (existing == null) {
                try {
                    admin.describeCluster().controller().get(5, TimeUnit.SECONDS);
                    existing = admin.listTopics().names().get(10, TimeUnit.SECONDS);
                } catch (Exception e) {
                    if (System.nanoTime() > deadline) throw e;
                    Thread.sleep(250);
                }
            }
            List<NewTopic> missing = new ArrayList<>();
            for (String def : args[1].split(",")) {
                String[] f = def.split(":");
                if (!existing.contains(f[0])) {
                    missing.add(new NewTopic(f[0], Integer.parseInt(f[1]), (short) 1)
                            .configs(Map.of("cleanup.policy", f[2])));
                }
            }
            if (!missing.isEmpty()) {
                admin.createTopics(missing).all().get(30, TimeUnit.SECONDS);
            }
            System.out.println("[infra] Kafka ready: " + (args[1].split(",").length) + " topics present, "
                    + missing.size() + " created");
        }
    }
}
