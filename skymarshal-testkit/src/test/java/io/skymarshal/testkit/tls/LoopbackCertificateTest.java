package io.skymarshal.testkit.tls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.KeyStore;
import java.security.Signature;
import java.security.cert.X509Certificate;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSocket;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LoopbackCertificateTest {

  private static final LoopbackCertificate CERT = LoopbackCertificate.create();

  @Test
  void create_namesTheLoopbackAddressesAndServerAuth() throws Exception {
    X509Certificate c = CERT.certificate();

    assertThat(c.getSubjectAlternativeNames()).extracting(n -> (Object) n.get(1))
        .containsExactlyInAnyOrder("127.0.0.1", "0:0:0:0:0:0:0:1", "localhost");
    assertThat(c.getExtendedKeyUsage()).containsExactly("1.3.6.1.5.5.7.3.1");
    assertThat(c.getVersion()).isEqualTo(3);
    assertThat(c.getSigAlgName()).isEqualTo("SHA256withECDSA");
    c.checkValidity();
    c.verify(c.getPublicKey());
  }

  @Test
  void create_givesEachCertificateItsOwnKey() {
    LoopbackCertificate other = LoopbackCertificate.create();

    assertThat(other.certificate().getPublicKey()).isNotEqualTo(CERT.certificate().getPublicKey());
    assertThat(other.certificate().getSerialNumber()).isNotEqualTo(CERT.certificate().getSerialNumber());
  }

  @Test
  void contexts_handshakeWithHostnameVerification_whenTheClientTrustsTheCertificate() throws Exception {
    assertThat(handshake(CERT.clientContext(), CERT)).isEqualTo("hello over TLS");
  }

  @Test
  void contexts_failTheHandshake_whenTheClientTrustsAnotherCertificate() {
    LoopbackCertificate stranger = LoopbackCertificate.create();

    assertThatThrownBy(() -> handshake(stranger.clientContext(), CERT))
        .isInstanceOf(SSLHandshakeException.class);
  }

  @Test
  void writeTrustStore_writesAPkcs12StoreThatTrustsTheCertificate(@TempDir Path dir) throws Exception {
    Path file = CERT.writeTrustStore(dir.resolve("trust.p12"));

    KeyStore ks = KeyStore.getInstance("PKCS12");
    try (InputStream in = Files.newInputStream(file)) {
      ks.load(in, LoopbackCertificate.TRUST_STORE_PASSWORD.toCharArray());
    }
    assertThat(ks.size()).isEqualTo(1);
    String alias = ks.aliases().nextElement();
    assertThat(ks.isCertificateEntry(alias)).isTrue();
    assertThat(ks.getCertificate(alias)).isEqualTo(CERT.certificate());
  }

  @Test
  void pems_encodeTheCertificateAndAKeyThatSignsForIt() throws Exception {
    String certPem = CERT.certificatePem();
    String keyPem = CERT.privateKeyPem();

    assertThat(certPem).startsWith("-----BEGIN CERTIFICATE-----\n").endsWith("-----END CERTIFICATE-----\n");
    assertThat(keyPem).startsWith("-----BEGIN PRIVATE KEY-----\n").endsWith("-----END PRIVATE KEY-----\n");
    assertThat(certPem.lines()).allSatisfy(line -> assertThat(line.length()).isLessThanOrEqualTo(64));
    byte[] certDer = Base64.getMimeDecoder().decode(body(certPem));
    assertThat(certDer).isEqualTo(CERT.certificate().getEncoded());
    var key = KeyFactory.getInstance("EC").generatePrivate(
        new PKCS8EncodedKeySpec(Base64.getMimeDecoder().decode(body(keyPem))));
    Signature s = Signature.getInstance("SHA256withECDSA");
    s.initSign(key);
    s.update("x".getBytes(StandardCharsets.US_ASCII));
    byte[] sig = s.sign();
    s.initVerify(CERT.certificate());
    s.update("x".getBytes(StandardCharsets.US_ASCII));
    assertThat(s.verify(sig)).isTrue();
  }

  private static String body(String pem) {
    return pem.lines().filter(l -> !l.startsWith("-----")).reduce("", String::concat);
  }

  /** One TLS round trip on loopback: the server presents {@code server}, the client verifies the host name 127.0.0.1. */
  private static String handshake(javax.net.ssl.SSLContext client, LoopbackCertificate server) throws Exception {
    try (SSLServerSocket listening = (SSLServerSocket) server.serverContext().getServerSocketFactory()
        .createServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      CompletableFuture<Void> serving = CompletableFuture.runAsync(() -> {
        try (SSLSocket s = (SSLSocket) listening.accept(); OutputStream out = s.getOutputStream()) {
          out.write("hello over TLS".getBytes(StandardCharsets.UTF_8));
        } catch (Exception e) {
          // the client's handshake failure ends this side too
        }
      });
      try (SSLSocket s = (SSLSocket) client.getSocketFactory()
          .createSocket(InetAddress.getLoopbackAddress(), listening.getLocalPort())) {
        SSLParameters p = s.getSSLParameters();
        p.setEndpointIdentificationAlgorithm("HTTPS");
        s.setSSLParameters(p);
        s.setSoTimeout(10_000);
        String got = new String(s.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        serving.get(10, TimeUnit.SECONDS);
        return got;
      }
    }
  }
}
