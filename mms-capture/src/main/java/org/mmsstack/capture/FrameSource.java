package org.mmsstack.capture;

import java.io.IOException;

/** Frames of one capture file, in file order. Container damage becomes findings, not exceptions. */
interface FrameSource {
  /** The next frame, or null at the end of the file or where damage stops reading. */
  Frame next() throws IOException;
}
