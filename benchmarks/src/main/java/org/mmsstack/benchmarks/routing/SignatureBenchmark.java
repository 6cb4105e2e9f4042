package org.mmsstack.benchmarks.routing;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.mmsstack.encapsulation.Pdu;
import org.mmsstack.encapsulation.PduCodec;
import org.mmsstack.encapsulation.SendReq;
import org.mmsstack.encapsulation.body.MultipartBody;
import org.mmsstack.encapsulation.body.Part;
import org.mmsstack.encapsulation.value.Address;
import org.mmsstack.encapsulation.value.ContentType;
import org.mmsstack.encapsulation.value.FromValue;
import org.mmsstack.encapsulation.value.MediaType;
import org.mmsstack.routing.KeyRing;
import org.mmsstack.routing.MessageIdentity;
import org.mmsstack.routing.Recipient;
import org.mmsstack.routing.RelayId;
import org.mmsstack.routing.RoutingFieldException;
import org.mmsstack.routing.RoutingFields;
import org.mmsstack.routing.RoutingPdus;
import org.mmsstack.routing.RoutingSigner;
import org.mmsstack.routing.RoutingVerifier;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What the routing signature costs per message hop: {@code sign} (canonical serialisation plus
 * one Ed25519 signature), {@code verify} (key lookup, window, canonical serialisation, one
 * Ed25519 verification), and {@code receiveHop} (a received binary PDU: read the fields,
 * recompute the identity, verify), for hops handing over 1 and 20 recipients.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class SignatureBenchmark {

  @Param({"1", "20"})
  public int recipients;

  private RoutingSigner signer;
  private RoutingVerifier verifier;
  private RoutingFields unsigned;
  private RoutingFields signed;
  private MessageIdentity identity;
  private Pdu received;
  private Instant now;

  @Setup
  public void setup() throws Exception {
    RelayId a = RelayId.of("rs-north-1");
    RelayId b = RelayId.of("rs-south-2");
    byte[] seed = new byte[32];
    for (int i = 0; i < seed.length; i++) {
      seed[i] = (byte) (i * 7 + 1);
    }
    signer = RoutingSigner.fromSeed("rs-south-2.2026a", b, seed);
    Instant t = Instant.ofEpochSecond(1_790_000_000L);
    now = t.plusSeconds(2);
    verifier =
        RoutingVerifier.of(
            KeyRing.of(List.of(signer.trustedKey(t.minusSeconds(86_400), t.plusSeconds(86_400)))));
    List<Recipient> rs = new ArrayList<>();
    SendReq.Builder sb =
        SendReq.builder()
            .transactionId("T-0001-abcdef")
            .from(FromValue.of(Address.plmn("+491701234567")))
            .date(t)
            .subject("benchmark");
    for (int i = 0; i < recipients; i++) {
      String n = "+4917" + (20_000_000 + i * 7919);
      rs.add(Recipient.e164(n));
      sb.to(n + "/TYPE=PLMN");
    }
    SendReq pdu =
        sb.body(ContentType.of(MediaType.MULTIPART_MIXED), MultipartBody.of(Part.text("hello")))
            .build();
    identity = RoutingPdus.identity(pdu);
    unsigned =
        RoutingFields.builder()
            .entry(a)
            .home(a)
            .path(List.of(a, b))
            .tableVersion(20261125)
            .charging(a)
            .recipients(rs)
            .issuedAt(t)
            .build();
    signed = signer.sign(unsigned, identity);
    received = PduCodec.decode(PduCodec.encode(RoutingPdus.attach(pdu, signed)));
  }

  @Benchmark
  public RoutingFields sign() {
    return signer.sign(unsigned, identity);
  }

  @Benchmark
  public KeyRing.TrustedKey verify() throws RoutingFieldException {
    return verifier.verify(signed, identity, now);
  }

  @Benchmark
  public KeyRing.TrustedKey receiveHop() throws RoutingFieldException {
    RoutingFields f = RoutingPdus.read(received).orElseThrow();
    return verifier.verify(f, RoutingPdus.identity(received), now);
  }
}
