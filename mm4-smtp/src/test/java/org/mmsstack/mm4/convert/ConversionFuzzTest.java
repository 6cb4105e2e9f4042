package org.mmsstack.mm4.convert;

import com.code_intelligence.jazzer.junit.FuzzTest;
import org.mmsstack.encapsulation.DecodeConfig;
import org.mmsstack.encapsulation.DeliveryInd;
import org.mmsstack.encapsulation.Pdu;
import org.mmsstack.encapsulation.PduCodec;
import org.mmsstack.encapsulation.PduFormatException;
import org.mmsstack.encapsulation.ReadOrigInd;
import org.mmsstack.encapsulation.ReadRecInd;
import org.mmsstack.encapsulation.RetrieveConf;
import org.mmsstack.encapsulation.SendReq;
import org.mmsstack.mm4.Mm4Codec;
import org.mmsstack.mm4.Mm4Config;
import org.mmsstack.mm4.Mm4DeliveryReportReq;
import org.mmsstack.mm4.Mm4FormatException;
import org.mmsstack.mm4.Mm4ForwardReq;
import org.mmsstack.mm4.Mm4Message;
import org.mmsstack.mm4.Mm4ReadReplyReportReq;

/**
 * Fuzzes the conversions with what arrives from outside: a PDU decoded leniently from any octets
 * converted to MM4, and MM4 mail decoded leniently converted to MM1. A conversion either gives a
 * message that encodes and decodes again, or fails with {@link ConversionException}; nothing
 * else may leave it. In the normal build this runs the saved inputs under
 * src/test/resources/org/mmsstack/mm4/convert/ConversionFuzzTestInputs; with JAZZER_FUZZ=1 it
 * fuzzes.
 */
class ConversionFuzzTest {

  private static final Mm4Config MM4 = Mm4Config.builder().maxMessageSize(1 << 20).build();

  @FuzzTest(maxDuration = "60s")
  void mm1ToMm4(byte[] input) throws Exception {
    Pdu pdu;
    try {
      pdu = PduCodec.decode(input, DecodeConfig.LENIENT);
    } catch (PduFormatException e) {
      return;
    }
    ConversionContext ctx = TestContexts.context();
    Mm4Message out;
    try {
      if (pdu instanceof SendReq req) {
        out = Mm1ToMm4.forwardReq(req, ctx).message();
      } else if (pdu instanceof RetrieveConf conf) {
        out = Mm1ToMm4.forwardReq(conf, ctx).message();
      } else if (pdu instanceof DeliveryInd ind) {
        out = Mm1ToMm4.deliveryReportReq(ind, ctx).value();
      } else if (pdu instanceof ReadRecInd ind) {
        out = Mm1ToMm4.readReplyReportReq(ind, ctx).value();
      } else if (pdu instanceof ReadOrigInd ind) {
        out = Mm1ToMm4.readReplyReportReq(ind, ctx).value();
      } else {
        return;
      }
    } catch (ConversionException e) {
      return;
    }
    byte[] mail = Mm4Codec.encode(out);
    try {
      Mm4Codec.decode(mail, MM4);
    } catch (Mm4FormatException e) {
      throw new AssertionError("converted mail does not decode: " + e.getMessage(), e);
    }
  }

  @FuzzTest(maxDuration = "60s")
  void mm4ToMm1(byte[] input) throws Exception {
    Mm4Message m;
    try {
      m = Mm4Codec.decode(input, MM4);
    } catch (Mm4FormatException e) {
      return;
    }
    ConversionContext ctx = TestContexts.context();
    Pdu out;
    try {
      if (m instanceof Mm4ForwardReq fwd) {
        PduCodec.encode(Mm4ToMm1.notificationInd(fwd, ctx).value());
        out = Mm4ToMm1.retrieveConf(fwd, ctx).value();
      } else if (m instanceof Mm4DeliveryReportReq rep) {
        out = Mm4ToMm1.deliveryInd(rep, ctx).value();
      } else if (m instanceof Mm4ReadReplyReportReq rep) {
        out = Mm4ToMm1.readOrigInd(rep, ctx).value();
      } else {
        return;
      }
    } catch (ConversionException e) {
      return;
    }
    byte[] pdu = PduCodec.encode(out);
    try {
      PduCodec.decode(pdu, DecodeConfig.LENIENT);
    } catch (PduFormatException e) {
      throw new AssertionError("converted PDU does not decode: " + e.getMessage(), e);
    }
  }
}
