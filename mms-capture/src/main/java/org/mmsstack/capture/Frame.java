package org.mmsstack.capture;

import java.time.Instant;

/**
 * One captured frame as the container gave it. Its data is {@code data[0, length)}, in an array
 * the frame source reuses for the next frame: nothing may keep it beyond the frame's handling
 * (keeping the frame for its number and time is fine).
 *
 * @param number 1-based frame number over the whole file
 * @param timestamp capture time; null when the block has none (a pcapng Simple Packet Block)
 * @param linkType the link-layer header type of its interface
 * @param data holds the captured octets from index 0 (reused for the next frame)
 * @param length the number of captured octets
 * @param originalLength the frame's length on the wire
 * @param fileOffset offset in the capture file of the record or block that holds the frame
 * @param dataOffset offset in the capture file of {@code data[0]}
 */
record Frame(
    long number,
    Instant timestamp,
    int linkType,
    byte[] data,
    int length,
    long originalLength,
    long fileOffset,
    long dataOffset) {}
