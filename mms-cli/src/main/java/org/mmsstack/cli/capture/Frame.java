package org.mmsstack.cli.capture;

import java.time.Instant;

/**
 * One captured frame as the container gave it.
 *
 * @param number 1-based frame number over the whole file
 * @param timestamp capture time ({@link Instant#EPOCH} when the block has none)
 * @param linkType the link-layer header type of its interface
 * @param data the captured octets (owned by the frame; not shared)
 * @param originalLength the frame's length on the wire
 */
record Frame(long number, Instant timestamp, int linkType, byte[] data, long originalLength) {}
