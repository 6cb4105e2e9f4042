package org.mmsstack.capture;

import java.time.Instant;

/**
 * One captured frame as the container gave it.
 *
 * @param number 1-based frame number over the whole file
 * @param timestamp capture time ({@link Instant#EPOCH} when the block has none)
 * @param linkType the link-layer header type of its interface
 * @param data the captured octets (owned by the frame; not shared)
 * @param originalLength the frame's length on the wire
 * @param fileOffset offset in the capture file of the record or block that holds the frame
 * @param dataOffset offset in the capture file of {@code data[0]}
 */
record Frame(long number, Instant timestamp, int linkType, byte[] data, long originalLength,
    long fileOffset, long dataOffset) {}
