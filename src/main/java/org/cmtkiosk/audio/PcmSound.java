package org.cmtkiosk.audio;

import org.cmtkiosk.pcm.Pcm;

/** A finished clip (speech, chime) played at a fixed gain. */
public record PcmSound(Pcm pcm, double gain) implements Sound {

  @Override
  public long length() {
    return pcm.length();
  }

  @Override
  public void mixInto(float[] out, int offset, long from, int count) {
    float[] s = pcm.samples();
    float g = (float) gain;
    for (int i = 0; i < count; i++) {
      out[offset + i] += s[(int) from + i] * g;
    }
  }
}
