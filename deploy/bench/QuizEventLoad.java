import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Properties;
import java.util.SplittableRandom;
import java.util.UUID;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Sends whole quizzes to TOPIC as delivery does (CloudEvents, keyed by user): QuizStarted, then per position ItemServed and
 * AnswerSubmitted, then QuizCompleted: 2 + 2·LENGTH events a quiz, half of the quizzes linear. Students, items and topics
 * are drawn from fixed pools of the tenant.
 * Run with the Kafka client jars: java -cp 'deploy/local/.infra/kafka-4.1.1/lib/*' QuizEventLoad.java TENANT QUIZZES LENGTH STUDENTS ITEMS TOPIC
 */
public class QuizEventLoad {

    public static void main(String[] args) throws Exception {
        String tenant = args[0];
        int quizzes = Integer.parseInt(args[1]);
        int length = Integer.parseInt(args[2]);
        int students = Integer.parseInt(args[3]);
        int items = Integer.parseInt(args[4]);
        String topic = args[5];
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, System.getProperty("kafka", "localhost:9092"));
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.LINGER_MS_CONFIG, "5");
        props.put(ProducerConfig.BATCH_SIZE_CONFIG, "262144");
        props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        SplittableRandom random = new SplittableRandom(42);
        long start = System.nanoTime();
        long sent = 0;
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(props)) {
            for (int q = 0; q < quizzes; q++) {
                UUID user = new UUID(7, random.nextInt(students));
                UUID quiz = UUID.randomUUID();
                boolean adaptive = q % 2 == 0;
                Instant now = Instant.now();
                send(producer, topic, tenant, user, quiz, "qbank.quiz.started.v1", """
                        {"quizId":"%s","tenantId":"%s","userId":"%s","examCode":"STEP1","mode":"tutor","adaptive":%s,"length":%d,\
                        "timeLimitSeconds":null,"startedAt":"%s"}""".formatted(quiz, tenant, user, adaptive, length, now));
                int correctCount = 0;
                for (int p = 1; p <= length; p++) {
                    int i = random.nextInt(items);
                    UUID item = new UUID(9, i);
                    UUID topicId = new UUID(11, i % 50);
                    boolean correct = random.nextDouble() < 0.65;
                    correctCount += correct ? 1 : 0;
                    send(producer, topic, tenant, user, quiz, "qbank.quiz.item-served.v1", """
                            {"quizId":"%s","tenantId":"%s","userId":"%s","position":%d,"itemId":"%s","version":1,"topicId":"%s",\
                            "thetaBefore":0.0,"servedAt":"%s"}""".formatted(quiz, tenant, user, p, item, topicId, now));
                    send(producer, topic, tenant, user, quiz, "qbank.quiz.answer-submitted.v1", """
                            {"responseId":"%s","quizId":"%s","tenantId":"%s","userId":"%s","position":%d,"itemId":"%s","version":1,\
                            "topicId":"%s","examCode":"STEP1","selectedLabel":"%s","correct":%s,"confidence":3,"timeTakenMs":%d,\
                            "thetaBefore":0.0,"thetaAfter":0.1,"seAfter":0.9,"difficulty":"medium","mode":"tutor","answeredAt":"%s"}"""
                            .formatted(UUID.randomUUID(), quiz, tenant, user, p, item, topicId, correct ? "A" : "BCDE".charAt(random.nextInt(4)),
                                    correct, 20_000 + random.nextInt(90_000), now));
                }
                send(producer, topic, tenant, user, quiz, "qbank.quiz.completed.v1", """
                        {"quizId":"%s","tenantId":"%s","userId":"%s","examCode":"STEP1","answered":%d,"correct":%d,"theta":0.1,"se":0.4,\
                        "reason":"finished","completedAt":"%s"}""".formatted(quiz, tenant, user, length, correctCount, now));
                sent += 2 + 2L * length;
            }
            producer.flush();
        }
        System.out.printf("[bench] produced %d events (%d quizzes of %d items) in %.1f s%n", sent, quizzes, length, (System.nanoTime() - start) / 1e9);
    }

    private static void send(KafkaProducer<String, String> producer, String topic, String tenant, UUID user, UUID quiz, String type, String json) {
        RecordHeaders h = new RecordHeaders();
        h.add("ce_specversion", b("1.0"));
        h.add("ce_id", b(UUID.randomUUID().toString()));
        h.add("ce_source", b("bench"));
        h.add("ce_type", b(type));
        h.add("ce_subject", b(quiz.toString()));
        h.add("ce_time", b(Instant.now().toString()));
        h.add("ce_tenant", b(tenant));
        h.add("content-type", b("application/json"));
        producer.send(new ProducerRecord<>(topic, null, user.toString(), json, h));
    }

    private static byte[] b(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
