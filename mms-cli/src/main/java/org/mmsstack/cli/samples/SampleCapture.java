package org.mmsstack.cli.samples;

import static org.mmsstack.capture.CaptureWriter.ACK;
import static org.mmsstack.capture.CaptureWriter.FIN;
import static org.mmsstack.capture.CaptureWriter.PSH;
import static org.mmsstack.capture.CaptureWriter.SYN;
import static org.mmsstack.capture.CaptureWriter.tcpFrame;
import static org.mmsstack.capture.CaptureWriter.udpFrame;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.mmsstack.capture.CaptureReader;
import org.mmsstack.capture.CaptureWriter;
import org.mmsstack.capture.CaptureWriter.Format;
import org.mmsstack.capture.WspPush;
import org.mmsstack.capture.WspPushCodec;

/** A capture of a whole MMS exchange, for the sample files and the tests that read them. */
public final class SampleCapture {

  private SampleCapture() {}

  /**
   * Writes a realistic capture of an MMS exchange carrying {@code pdus}, in list order, and closes
   * nothing. The handset is 10.20.30.40; the MMS Relay/Server (HTTP, port 80) is 10.1.2.3; the
   * push proxy gateway (UDP 9200 to the handset's 2948) is 10.1.2.4. By the PDU's message type
   * (second octet):
   *
   * <ul>
   *   <li>pushed to the handset (m-notification-ind 0x82, m-delivery-ind 0x86, m-read-orig-ind
   *       0x88, m-cancel-req 0x96): a WSP Push (Content-Type 0xBE, X-Wap-Application-Id
   *       mms.ua) in one UDP datagram;
   *   <li>m-retrieve-conf (0x84): the body of a 200 response to {@code GET /mms/N};
   *   <li>other confirmations (send, forward, mbox, delete): the body of a 200 response to a POST
   *       of the request before it in the list, or to a GET if there is none;
   *   <li>anything else: the body of a {@code POST /mms} request; a request not followed by a
   *       confirmation is answered 204 No Content.
   * </ul>
   *
   * <p>All HTTP exchanges share one keep-alive TCP connection (handshake, MSS-sized segments,
   * acknowledgements, FIN). Timestamps start at 2024-01-01T12:00:00Z and advance 10 ms a packet.
   * The PDU arrays are not changed.
   */
  public static void writeSample(OutputStream out, Format format, List<byte[]> pdus)
      throws IOException {
    CaptureWriter w = new CaptureWriter(out, format);
    Sample s = new Sample(w);
    s.run(pdus);
    out.flush();
  }

  private static final class Sample {
    private static final int MSS = 1400;
    private final CaptureWriter w;
    private final InetSocketAddress phone = address(new byte[] {10, 20, 30, 40}, 49_152);
    private final InetSocketAddress mmsc = address(new byte[] {10, 1, 2, 3}, 80);
    private final InetSocketAddress ppg = address(new byte[] {10, 1, 2, 4}, CaptureReader.PORT_WSP);
    private final InetSocketAddress phonePush =
        address(new byte[] {10, 20, 30, 40}, CaptureReader.PORT_WAP_PUSH);
    private Instant now = Instant.parse("2024-01-01T12:00:00Z");
    private long clientSeq = 0x1000_0000L;
    private long serverSeq = 0x7000_0000L;
    private boolean connected;
    private int tid = 1;
    private int retrieveNo = 1;

    Sample(CaptureWriter w) {
      this.w = w;
    }

    private static InetSocketAddress address(byte[] ip, int port) {
      try {
        return new InetSocketAddress(InetAddress.getByAddress(ip), port);
      } catch (java.net.UnknownHostException e) {
        throw new IllegalStateException(e);
      }
    }

    void run(List<byte[]> pdus) throws IOException {
      for (int i = 0; i < pdus.size(); i++) {
        byte[] pdu = pdus.get(i);
        int type = pdu.length > 1 && (pdu[0] & 0xFF) == 0x8C ? pdu[1] & 0xFF : -1;
        if (type == 0x82 || type == 0x86 || type == 0x88 || type == 0x96) {
          push(pdu);
        } else if (isConf(type)) {
          get(type == 0x84 ? "/mms/" + retrieveNo++ : "/mms", pdu);
        } else {
          byte[] conf = null;
          if (i + 1 < pdus.size()) {
            byte[] next = pdus.get(i + 1);
            int nt = next.length > 1 && (next[0] & 0xFF) == 0x8C ? next[1] & 0xFF : -1;
            if (isConf(nt) && nt != 0x84) {
              conf = next;
              i++;
            }
          }
          post(pdu, conf);
        }
      }
      if (connected) {
        tcp(true, FIN | ACK, new byte[0]);
        tcp(false, FIN | ACK, new byte[0]);
        tcp(true, ACK, new byte[0]);
      }
    }

    private static boolean isConf(int type) {
      return type == 0x81
          || type == 0x84
          || type == 0x8A
          || type == 0x8C
          || type == 0x8E
          || type == 0x90
          || type == 0x92
          || type == 0x95;
    }

    private void push(byte[] pdu) throws IOException {
      frame(udpFrame(ppg, phonePush, WspPushCodec.encode(WspPush.mms(tid++ & 0xFF, pdu))));
    }

    private void get(String path, byte[] body) throws IOException {
      connect();
      send(
          true,
          ("GET "
                  + path
                  + " HTTP/1.1\r\nHost: mmsc.example.net\r\n"
                  + "User-Agent: mmsstack-sample/1.0\r\nAccept: application/vnd.wap.mms-message\r\n\r\n")
              .getBytes(StandardCharsets.US_ASCII));
      respond(body);
    }

    private void post(byte[] pdu, byte[] conf) throws IOException {
      connect();
      byte[] head =
          ("POST /mms HTTP/1.1\r\nHost: mmsc.example.net\r\n"
                  + "User-Agent: mmsstack-sample/1.0\r\nContent-Type: application/vnd.wap.mms-message\r\n"
                  + "Content-Length: "
                  + pdu.length
                  + "\r\n\r\n")
              .getBytes(StandardCharsets.US_ASCII);
      send(true, concat(head, pdu));
      if (conf == null) {
        send(
            false,
            "HTTP/1.1 204 No Content\r\nServer: mmsc\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
      } else {
        respond(conf);
      }
    }

    private void respond(byte[] body) throws IOException {
      byte[] head =
          ("HTTP/1.1 200 OK\r\nServer: mmsc\r\n"
                  + "Content-Type: application/vnd.wap.mms-message\r\nContent-Length: "
                  + body.length
                  + "\r\n\r\n")
              .getBytes(StandardCharsets.US_ASCII);
      send(false, concat(head, body));
    }

    private void connect() throws IOException {
      if (connected) {
        return;
      }
      connected = true;
      frame(tcpFrame(phone, mmsc, clientSeq - 1, 0, SYN, new byte[0]));
      frame(tcpFrame(mmsc, phone, serverSeq - 1, clientSeq, SYN | ACK, new byte[0]));
      frame(tcpFrame(phone, mmsc, clientSeq, serverSeq, ACK, new byte[0]));
    }

    private void send(boolean fromClient, byte[] data) throws IOException {
      for (int off = 0; off < data.length; off += MSS) {
        int n = Math.min(MSS, data.length - off);
        byte[] seg = new byte[n];
        System.arraycopy(data, off, seg, 0, n);
        tcp(fromClient, ACK | (off + n == data.length ? PSH : 0), seg);
      }
      tcp(!fromClient, ACK, new byte[0]);
    }

    private void tcp(boolean fromClient, int flags, byte[] payload) throws IOException {
      if (fromClient) {
        frame(tcpFrame(phone, mmsc, clientSeq, serverSeq, flags, payload));
        clientSeq += payload.length + ((flags & FIN) != 0 ? 1 : 0);
      } else {
        frame(tcpFrame(mmsc, phone, serverSeq, clientSeq, flags, payload));
        serverSeq += payload.length + ((flags & FIN) != 0 ? 1 : 0);
      }
    }

    private void frame(byte[] f) throws IOException {
      w.writeFrame(now, f);
      now = now.plusMillis(10);
    }

    private static byte[] concat(byte[] a, byte[] b) {
      byte[] r = new byte[a.length + b.length];
      System.arraycopy(a, 0, r, 0, a.length);
      System.arraycopy(b, 0, r, a.length, b.length);
      return r;
    }
  }
}
