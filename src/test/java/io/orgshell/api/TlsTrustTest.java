package io.orgshell.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.orgshell.support.PrivateCa;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;
import org.junit.jupiter.api.Test;

/** An extra CA is added to Java's default anchors, which all stay trusted beside it. */
class TlsTrustTest {

    @Test
    void theExtraCaJoinsJavasDefaultAnchors() throws Exception {
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init((KeyStore) null);
        Set<String> javas = Stream.of(((X509TrustManager) tmf.getTrustManagers()[0]).getAcceptedIssuers())
                .map(c -> c.getSubjectX500Principal().getName())
                .collect(Collectors.toSet());
        assertThat(javas).as("the JDK's cacerts").isNotEmpty().doesNotContain(PrivateCa.CA_NAME.replace(", ", ","));

        X509Certificate[] trusted = TlsTrust.verifier(List.of(new TlsTrust.Source(
                        "ORGSHELL_EXTRA_CA_CERTS", PrivateCa.get().caPem())))
                .getAcceptedIssuers();

        Set<String> names = Stream.of(trusted)
                .map(c -> c.getSubjectX500Principal().getName())
                .collect(Collectors.toSet());
        assertThat(names).containsAll(javas).contains(PrivateCa.CA_NAME.replace(", ", ","));
    }
}
