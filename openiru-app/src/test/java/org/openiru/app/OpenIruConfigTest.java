package org.openiru.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class OpenIruConfigTest {
    @Test
    void defaultsNeedNothingSet() {
        OpenIruConfig c = OpenIruConfig.from(Map.of(), new Properties());
        assertThat(c.port()).isEqualTo(8080);
        assertThat(c.dataDir().toString()).endsWith("openiru-data");
        assertThat(c.dbUrl()).isEmpty();
        assertThat(c.oidc()).isEmpty();
        assertThat(c.mail()).isEmpty();
        assertThat(c.outboundAllowedNetworks()).isEmpty();
        assertThat(c.preservation()).hasDays(183);
    }

    @Test
    void mailAndOutboundSettingsAreReadAndChecked() {
        OpenIruConfig c = OpenIruConfig.from(Map.of("OPENIRU_SMTP_HOST", "smtp.example.org",
                "OPENIRU_SMTP_STARTTLS", "Optional", "OPENIRU_OUTBOUND_ALLOW", "127.0.0.0/8, ::1/128"), new Properties());
        assertThat(c.mail()).hasValueSatisfying(m -> {
            assertThat(m.port()).isEqualTo(587);
            assertThat(m.starttls()).isEqualTo("optional");
            assertThat(m.from()).isEqualTo("openiru@smtp.example.org");
        });
        assertThat(c.outboundAllowedNetworks()).containsExactly("127.0.0.0/8", "::1/128");
        assertThatThrownBy(() -> OpenIruConfig.from(Map.of("OPENIRU_SMTP_HOST", "h", "OPENIRU_SMTP_STARTTLS", "maybe"),
                new Properties())).hasMessage("OPENIRU_SMTP_STARTTLS=maybe is not valid: expected one of required, optional, off");
        assertThatThrownBy(() -> OpenIruConfig.from(Map.of("OPENIRU_OUTBOUND_ALLOW", "localhost"), new Properties()))
                .hasMessageContaining("OPENIRU_OUTBOUND_ALLOW").hasMessageContaining("'localhost'");
    }

    @Test
    void environmentWinsOverTheFile() {
        Properties file = new Properties();
        file.setProperty("openiru.port", "9000");
        file.setProperty("openiru.data.dir", "/srv/openiru");
        OpenIruConfig c = OpenIruConfig.from(Map.of("OPENIRU_PORT", "9100"), file);
        assertThat(c.port()).isEqualTo(9100);
        assertThat(c.dataDir().toString()).isEqualTo("/srv/openiru");
    }

    @Test
    void aWrongValueNamesTheKeyAndWhatIsAccepted() {
        assertThatThrownBy(() -> OpenIruConfig.from(Map.of("OPENIRU_PORT", "eighty"), new Properties()))
                .isInstanceOf(ConfigException.class)
                .hasMessage("OPENIRU_PORT=eighty is not valid: expected a whole number from 0 to 65535");
        assertThatThrownBy(() -> OpenIruConfig.from(Map.of("OPENIRU_PORT", "70000"), new Properties()))
                .hasMessageContaining("OPENIRU_PORT");
        assertThatThrownBy(() -> OpenIruConfig.from(Map.of("OPENIRU_DB_URL", "mysql://x"), new Properties()))
                .hasMessageContaining("OPENIRU_DB_URL").hasMessageContaining("jdbc:postgresql://");
        assertThatThrownBy(() -> OpenIruConfig.from(Map.of("OPENIRU_PUBLIC_URL", "ftp://x"), new Properties()))
                .hasMessageContaining("OPENIRU_PUBLIC_URL");
        assertThatThrownBy(() -> OpenIruConfig.from(Map.of("OPENIRU_OIDC_ISSUER", "https://sso.example/realms/iru"),
                new Properties())).hasMessage("OPENIRU_OIDC_CLIENT_ID must be set");
    }
}
