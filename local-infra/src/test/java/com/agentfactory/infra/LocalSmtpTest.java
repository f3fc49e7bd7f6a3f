package com.agentfactory.infra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.mail.Message;
import jakarta.mail.SendFailedException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.util.Properties;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class LocalSmtpTest {

    private final LocalSmtp smtp = LocalSmtp.start(0);

    @AfterEach
    void stop() {
        smtp.close();
    }

    @Test
    void acceptsAnOrdinaryRecipient() throws Exception {
        send("someone@example.test");

        assertThat(smtp.receivedMessages()).hasSize(1);
    }

    @Test
    void refusesARecipientInTheInvalidDomainWithAPermanentReply() {
        assertThatThrownBy(() -> send("someone@mailbox.invalid"))
                .isInstanceOf(SendFailedException.class)
                .satisfies(refused -> {
                    SendFailedException failed = (SendFailedException) refused;
                    assertThat(failed.getInvalidAddresses())
                            .extracting(Object::toString)
                            .containsExactly("someone@mailbox.invalid");
                    assertThat(failed.getNextException()).hasMessageContaining("550 5.1.2");
                });
        assertThat(smtp.receivedMessages()).isEmpty();
    }

    private void send(String to) throws Exception {
        Properties properties = new Properties();
        properties.put("mail.smtp.host", smtp.host());
        properties.put("mail.smtp.port", String.valueOf(smtp.port()));
        MimeMessage message = new MimeMessage(Session.getInstance(properties));
        message.setFrom(new InternetAddress("shop@example.test"));
        message.setRecipient(Message.RecipientType.TO, new InternetAddress(to));
        message.setSubject("Hello");
        message.setText("Hello");
        Transport.send(message);
    }
}
