package org.cmtkiosk.audio;

import be.tarsos.dsp.AudioEvent;
import be.tarsos.dsp.io.TarsosDSPAudioFormat;
import be.tarsos.dsp.synthesis.SineGenerator;
import org.cmtkiosk.pcm.Pcm;

/** A phase-continuous sine from TarsosDSP's {@link SineGenerator}, added block by block into a buffer. */
final class Oscillator {
  private static final TarsosDSPAudioFormat FORMAT = new TarsosDSPAudioFormat(Pcm.RATE_HZ, 16, 1, true, false);
  private final SineGenerator sine;
  private final AudioEvent event = new AudioEvent(FORMAT);

  Oscillator(double frequencyHz, double gain) {
    sine = new SineGenerator(gain, frequencyHz);
  }

  /** Returns the next {@code count} samples (the phase carries on from the previous call). */
  float[] next(int count) {
    float[] block = new float[count];
    event.setFloatBuffer(block);
    sine.process(event);
    return block;
  }
}
