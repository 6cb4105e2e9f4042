package org.mmsstack.routing.simulation;

import java.util.List;

/**
 * A participant of the simulation: a Relay/Server of the MMSE (extended or legacy), a foreign
 * MMSE, or a phone. A node can be down for a period; work it scheduled for itself waits until
 * it is up again (its queues are persistent), and nothing can reach it meanwhile.
 */
abstract class Node {

  /** Receives MM4 requests: returns the response bytes (the MM4 *.RES). */
  interface Mm4Endpoint {
    byte[] onMm4(Node from, List<String> rcptTo, byte[] mail);
  }

  final String name;
  final World world;
  private long downFrom = Long.MAX_VALUE;
  private long downUntil = Long.MIN_VALUE;

  Node(String name, World world) {
    this.name = name;
    this.world = world;
  }

  void setDown(long fromMs, long untilMs) {
    this.downFrom = fromMs;
    this.downUntil = untilMs;
  }

  boolean isDown() {
    long now = world.loop.now();
    return now >= downFrom && now < downUntil;
  }

  /** Runs work of this node after a delay, or when it is up again if it is down then. */
  void schedule(long delayMs, Runnable work) {
    world.loop.after(
        delayMs,
        () -> {
          if (isDown()) {
            world.loop.at(downUntil, () -> schedule(0, work));
          } else {
            work.run();
          }
        });
  }

  /** Whether this node is one of the MMSE's Relay/Servers. */
  boolean inMmse() {
    return false;
  }

  @Override
  public String toString() {
    return name;
  }
}
