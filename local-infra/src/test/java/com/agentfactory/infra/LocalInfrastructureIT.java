package com.agentfactory.infra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.DriverManager;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

class LocalInfrastructureIT {

    private final LocalInfrastructure infrastructure = LocalInfrastructure.shared();

    @Test
    void postgresRunsDurablyWithThePlatformDatabase() throws Exception {
        try (var connection = DriverManager.getConnection(
                        infrastructure.jdbcUrl(), infrastructure.databaseUser(), infrastructure.databasePassword());
                var statement = connection.createStatement()) {
            var fsync = statement.executeQuery("SHOW fsync");
            fsync.next();
            assertThat(fsync.getString(1)).isEqualTo("on");
            var commit = statement.executeQuery("SHOW synchronous_commit");
            commit.next();
            assertThat(commit.getString(1)).isEqualTo("on");
            var version = statement.executeQuery("SHOW server_version_num");
            version.next();
            assertThat(version.getInt(1)).isGreaterThanOrEqualTo(170000);
        }
    }

    @Test
    void kafkaKeepsItsDataAcrossARestartOnTheSamePort() throws Exception {
        String topic = "infra-restart-" + UUID.randomUUID();
        String bootstrap = infrastructure.kafkaBootstrapServers();
        try (var producer = new KafkaProducer<String, String>(producerProps(bootstrap))) {
            producer.send(new ProducerRecord<>(topic, "k", "before-restart")).get();
        }

        infrastructure.kafkaBroker().stop();
        assertThat(infrastructure.kafkaBroker().isRunning()).isFalse();
        infrastructure.kafkaBroker().restart();

        assertThat(infrastructure.kafkaBootstrapServers()).isEqualTo(bootstrap);
        try (var consumer = new KafkaConsumer<String, String>(consumerProps(bootstrap))) {
            consumer.subscribe(List.of(topic));
            var values = new java.util.ArrayList<String>();
            long deadline = System.currentTimeMillis() + 30_000;
            while (values.isEmpty() && System.currentTimeMillis() < deadline) {
                consumer.poll(Duration.ofMillis(500)).forEach(record -> values.add(record.value()));
            }
            assertThat(values).containsExactly("before-restart");
        }
    }

    @Test
    void postgresKeepsItsDataAcrossAStopAndRestartOnTheSamePort() throws Exception {
        String table = "infra_restart_" + UUID.randomUUID().toString().replace("-", "");
        try (var connection = DriverManager.getConnection(
                        infrastructure.jdbcUrl(), infrastructure.databaseUser(), infrastructure.databasePassword());
                var statement = connection.createStatement()) {
            statement.execute("CREATE TABLE " + table + " (value TEXT)");
            statement.execute("INSERT INTO " + table + " VALUES ('before-stop')");
        }

        infrastructure.stopPostgres();
        assertThat(infrastructure.postgresRunning()).isFalse();
        assertThatThrownBy(() -> DriverManager.getConnection(
                        infrastructure.jdbcUrl(), infrastructure.databaseUser(), infrastructure.databasePassword()))
                .isInstanceOf(java.sql.SQLException.class);
        infrastructure.restartPostgres();

        try (var connection = DriverManager.getConnection(
                        infrastructure.jdbcUrl(), infrastructure.databaseUser(), infrastructure.databasePassword());
                var statement = connection.createStatement()) {
            var rows = statement.executeQuery("SELECT value FROM " + table);
            assertThat(rows.next()).isTrue();
            assertThat(rows.getString(1)).isEqualTo("before-stop");
            var fsync = statement.executeQuery("SHOW fsync");
            fsync.next();
            assertThat(fsync.getString(1))
                    .as("restarted with its first settings")
                    .isEqualTo("on");
        }
    }

    @Test
    void redisAnswers() throws Exception {
        var uri = java.net.URI.create(infrastructure.redisUrl());
        try (var socket = new java.net.Socket(uri.getHost(), uri.getPort())) {
            socket.getOutputStream().write("PING\r\n".getBytes());
            byte[] reply = new byte[7];
            int read = socket.getInputStream().read(reply);
            assertThat(new String(reply, 0, read)).isEqualTo("+PONG\r\n");
        }
    }

    @Test
    void smtpAcceptsAMessageAndKeepsItForInspection() throws Exception {
        Properties mail = new Properties();
        mail.put("mail.smtp.host", infrastructure.smtp().host());
        mail.put("mail.smtp.port", Integer.toString(infrastructure.smtp().port()));
        var session = jakarta.mail.Session.getInstance(mail);
        var message = new jakarta.mail.internet.MimeMessage(session);
        message.setFrom("campaigns@shop.example");
        message.setRecipients(jakarta.mail.Message.RecipientType.TO, "customer@example.com");
        String subject = "Your basket is waiting " + UUID.randomUUID();
        message.setSubject(subject);
        message.setText("Come back");

        jakarta.mail.Transport.send(message);

        assertThat(infrastructure.smtp().receivedMessages())
                .extracting(jakarta.mail.internet.MimeMessage::getSubject)
                .contains(subject);
        assertThat(infrastructure.environment())
                .containsEntry(
                        "SMTP_PORT", Integer.toString(infrastructure.smtp().port()));
    }

    @Test
    void exposesConnectionSettingsForSpringAndForChildProcesses() {
        Map<String, Object> spring = infrastructure.springProperties();
        assertThat(spring).containsEntry("spring.datasource.url", infrastructure.jdbcUrl());
        assertThat(infrastructure.environment())
                .containsEntry("KAFKA_BOOTSTRAP_SERVERS", infrastructure.kafkaBootstrapServers());
    }

    private static Properties producerProps(String bootstrap) {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        return props;
    }

    private static Properties consumerProps(String bootstrap) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        props.put(ConsumerConfig.GROUP_ID_CONFIG, "infra-test-" + UUID.randomUUID());
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        return props;
    }
}
