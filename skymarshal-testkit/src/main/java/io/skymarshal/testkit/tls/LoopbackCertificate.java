package io.skymarshal.testkit.tls;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Objects;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;

/**
 * A self-signed TLS certificate for the loopback addresses, made fresh in memory: its subject
 * alternative names are {@code 127.0.0.1}, {@code ::1} and {@code localhost}, so a client that
 * verifies host names (as the AWS SDK does) accepts it for {@code https://127.0.0.1:PORT}. The key
 * is EC P-256, the signature SHA256withECDSA, the validity from one day ago to 30 days ahead.
 * Every certificate has its own key: a client trusts exactly the servers it was told to.
 *
 * <p>It serves both ends of a test: {@link #serverContext()} (or {@link #privateKeyPem()} and
 * {@link #certificatePem()} for a server outside the JVM) and {@link #trustManagers()},
 * {@link #clientContext()} or {@link #writeTrustStore(Path)} for the client. With the AWS SDK:
 * {@code NettyNioAsyncHttpClient.builder().tlsTrustManagersProvider(cert::trustManagers)}.
 *
 * <p>For tests only: the private key is not protected. Immutable and thread-safe.
 */
public final class LoopbackCertificate {

  /** The password of the stores {@link #writeTrustStore(Path)} writes. */
  public static final String TRUST_STORE_PASSWORD = "skymarshal-test";

  private static final String ECDSA_WITH_SHA256 = "1.2.840.10045.4.3.2";
  private static final String COMMON_NAME = "2.5.4.3";
  private static final String SUBJECT_ALT_NAME = "2.5.29.17";
  private static final String EXTENDED_KEY_USAGE = "2.5.29.37";
  private static final String SERVER_AUTH = "1.3.6.1.5.5.7.3.1";
  private static final char[] KEY_PASSWORD = "loopback".toCharArray();

  private final KeyPair keys;
  private final X509Certificate certificate;

  private LoopbackCertificate(KeyPair keys, X509Certificate certificate) {
    this.keys = keys;
    this.certificate = certificate;
  }

  /**
   * A new key pair and a certificate for it.
   *
   * @throws IllegalStateException if the JDK lacks EC P-256 or SHA256withECDSA (every JDK 17+ has them)
   */
  public static LoopbackCertificate create() {
    try {
      KeyPairGenerator gen = KeyPairGenerator.getInstance("EC");
      gen.initialize(new ECGenParameterSpec("secp256r1"));
      KeyPair keys = gen.generateKeyPair();
      Instant now = Instant.now();
      byte[] name = Der.sequence(Der.set(Der.sequence(Der.oid(COMMON_NAME),
          Der.utf8("SkyMarshal loopback test server"))));
      byte[] algorithm = Der.sequence(Der.oid(ECDSA_WITH_SHA256));
      byte[] altNames = Der.sequence(
          Der.implicit(7, InetAddress.getByName("127.0.0.1").getAddress()),
          Der.implicit(7, InetAddress.getByName("::1").getAddress()),
          Der.implicit(2, "localhost".getBytes(java.nio.charset.StandardCharsets.US_ASCII)));
      byte[] extensions = Der.explicit(3, Der.sequence(
          Der.sequence(Der.oid(SUBJECT_ALT_NAME), Der.octetString(altNames)),
          Der.sequence(Der.oid(EXTENDED_KEY_USAGE), Der.octetString(Der.sequence(Der.oid(SERVER_AUTH))))));
      byte[] tbs = Der.sequence(
          Der.explicit(0, Der.integer(BigInteger.TWO)),                 // v3
          Der.integer(new BigInteger(63, new SecureRandom()).add(BigInteger.ONE)),
          algorithm,
          name,
          Der.sequence(Der.utcTime(now.minus(Duration.ofDays(1))), Der.utcTime(now.plus(Duration.ofDays(30)))),
          name,
          keys.getPublic().getEncoded(),                                // SubjectPublicKeyInfo
          extensions);
      Signature signer = Signature.getInstance("SHA256withECDSA");
      signer.initSign(keys.getPrivate());
      signer.update(tbs);
      byte[] der = Der.sequence(tbs, algorithm, Der.bitString(signer.sign()));
      X509Certificate cert = (X509Certificate) CertificateFactory.getInstance("X.509")
          .generateCertificate(new ByteArrayInputStream(der));
      cert.verify(keys.getPublic());
      return new LoopbackCertificate(keys, cert);
    } catch (GeneralSecurityException | IOException e) {
      throw new IllegalStateException("cannot make a loopback test certificate: " + e, e);
    }
  }

  /** The certificate. */
  public X509Certificate certificate() {
    return certificate;
  }

  /** The certificate in PEM ({@code -----BEGIN CERTIFICATE-----}). */
  public String certificatePem() {
    try {
      return pem("CERTIFICATE", certificate.getEncoded());
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("cannot encode the certificate", e);
    }
  }

  /** The private key in unencrypted PKCS#8 PEM ({@code -----BEGIN PRIVATE KEY-----}), for a server outside the JVM. */
  public String privateKeyPem() {
    return pem("PRIVATE KEY", keys.getPrivate().getEncoded());
  }

  /** A server-side TLS context presenting this certificate. */
  public SSLContext serverContext() {
    try {
      KeyStore ks = KeyStore.getInstance("PKCS12");
      ks.load(null, null);
      ks.setKeyEntry("server", keys.getPrivate(), KEY_PASSWORD, new Certificate[] {certificate});
      KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
      kmf.init(ks, KEY_PASSWORD);
      SSLContext ctx = SSLContext.getInstance("TLS");
      ctx.init(kmf.getKeyManagers(), null, null);
      return ctx;
    } catch (GeneralSecurityException | IOException e) {
      throw new IllegalStateException("cannot make a server TLS context: " + e, e);
    }
  }

  /** Trust managers that trust this certificate and nothing else. */
  public TrustManager[] trustManagers() {
    try {
      TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
      tmf.init(trustStore());
      return tmf.getTrustManagers();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("cannot make trust managers: " + e, e);
    }
  }

  /** The X.509 trust manager among {@link #trustManagers()}. */
  public X509TrustManager trustManager() {
    for (TrustManager tm : trustManagers()) {
      if (tm instanceof X509TrustManager x) {
        return x;
      }
    }
    throw new IllegalStateException("the JDK made no X509TrustManager");
  }

  /** A client-side TLS context that trusts this certificate and nothing else. */
  public SSLContext clientContext() {
    try {
      SSLContext ctx = SSLContext.getInstance("TLS");
      ctx.init(null, trustManagers(), null);
      return ctx;
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("cannot make a client TLS context: " + e, e);
    }
  }

  /** An in-memory PKCS12 store holding this certificate as its one trusted entry. */
  public KeyStore trustStore() {
    try {
      KeyStore ks = KeyStore.getInstance("PKCS12");
      ks.load(null, null);
      ks.setCertificateEntry("skymarshal-loopback", certificate);
      return ks;
    } catch (GeneralSecurityException | IOException e) {
      throw new IllegalStateException("cannot make a trust store: " + e, e);
    }
  }

  /**
   * Writes {@link #trustStore()} to {@code file} as PKCS12 with password
   * {@value #TRUST_STORE_PASSWORD}: what {@code -Djavax.net.ssl.trustStore} takes, so that a client
   * built with the JVM's default trust (as production code is) trusts this certificate.
   *
   * @return {@code file}
   * @throws UncheckedIOException if the file cannot be written
   */
  public Path writeTrustStore(Path file) {
    Objects.requireNonNull(file, "file");
    try (OutputStream out = Files.newOutputStream(file)) {
      trustStore().store(out, TRUST_STORE_PASSWORD.toCharArray());
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the trust store " + file, e);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("cannot write the trust store " + file + ": " + e, e);
    }
  }

  @Override
  public String toString() {
    return "LoopbackCertificate{" + certificate.getSubjectX500Principal().getName() + ", serial "
        + certificate.getSerialNumber().toString(16) + ", until " + certificate.getNotAfter().toInstant() + "}";
  }

  private static String pem(String type, byte[] der) {
    return "-----BEGIN " + type + "-----\n"
        + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(der)
        + "\n-----END " + type + "-----\n";
  }
}
