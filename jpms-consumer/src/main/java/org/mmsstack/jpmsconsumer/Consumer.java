package org.mmsstack.jpmsconsumer;

import java.util.List;
import org.mmsstack.capture.CaptureReader;
import org.mmsstack.encapsulation.MessageType;
import org.mmsstack.encapsulation.PduCodec;
import org.mmsstack.mm4.Mm4Codec;
import org.mmsstack.mm4.mime.MimeEntity;
import org.mmsstack.mm4.validate.Mm4Validator;
import org.mmsstack.mm4.value.Mm4Address;
import org.mmsstack.routing.RoutingHeaders;

/**
 * Touches one API class of each module, so that compiling this module on the module path proves
 * that the descriptors export what users need.
 */
public final class Consumer {

  private Consumer() {}

  /** Names of one class from each module. */
  public static List<String> apiClasses() {
    return List.of(
        PduCodec.class.getName(),
        MessageType.SEND_REQ.wireName(),
        Mm4Codec.class.getName(),
        MimeEntity.class.getName(),
        Mm4Validator.class.getName(),
        Mm4Address.class.getName(),
        RoutingHeaders.PREFIX,
        CaptureReader.class.getName());
  }
}
