package org.mmsstack.mm4.convert;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.mmsstack.encapsulation.value.Address;
import org.mmsstack.mm4.value.Mm4Address;

/** The public address conversions are the ones the message conversions use. */
class AddressConversionTest {

  @Test
  void typedAddressesKeepTheirTypeAndLoseTheRoutingDomain() throws Exception {
    Mm4Address mm4 = Mm4Address.parse("+4912345678/TYPE=PLMN@mms.mnc001.mcc262.gprs");
    Address mms = Mm4ToMm1.address(mm4);
    assertEquals(Address.plmn("+4912345678"), mms);
    assertEquals("+4912345678/TYPE=PLMN", mms.text());
    Mm4Address back = Mm1ToMm4.address(mms);
    assertEquals(Optional.empty(), back.domain());
    assertEquals(mm4.withDomain(null), back);
  }

  @Test
  void eMailAddressesKeepTheirDisplayName() throws Exception {
    Address mms = Address.parse("Ann <ann@example.net>");
    Mm4Address mm4 = Mm1ToMm4.address(mms);
    assertEquals(Optional.of("Ann"), mm4.displayName());
    assertEquals(mms, Mm4ToMm1.address(mm4));
  }

  @Test
  void ipv4AndShortCodes() throws Exception {
    Address ip = Address.ipv4("192.0.2.1");
    assertEquals(ip, Mm4ToMm1.address(Mm1ToMm4.address(ip)));
    assertEquals(
        Mm4Address.parse("192.0.2.1/TYPE=IPv4@mms.example.net").withDomain(null),
        Mm1ToMm4.address(ip));
  }

  @Test
  void nullIsNamed() {
    assertThrows(NullPointerException.class, () -> Mm1ToMm4.address(null));
    assertThrows(NullPointerException.class, () -> Mm4ToMm1.address(null));
  }
}
