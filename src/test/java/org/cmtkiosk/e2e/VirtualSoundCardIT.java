package org.cmtkiosk.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The harness itself: what the voice tests rely on reaches the virtual microphone. */
@Tag("e2e")
@Timeout(60)
class VirtualSoundCardIT {
  private static Site site;
  private static VirtualSoundCard card;

  @BeforeAll
  static void start() throws Exception {
    site = Site.of("virtual-sound-card");
    card = VirtualSoundCard.startOrSkip(site.dir());
  }

  @AfterAll
  static void stop() throws Exception {
    if (card != null) {
      card.close();
    }
  }

  @Test
  void wordsPlayedIntoTheMicrophoneAreWhatItHears() throws Exception {
    Voices.assumeInstalled();
    Path stop = Voices.say(site.dir(), "stop");
    Wave said = Wave.read(stop);
    Wave heard;
    try (Recorder mic = card.recordMicrophone()) {
      assertTrue(mic.awaitSamples(Duration.ofMillis(100), Duration.ofSeconds(10)));
      card.speakIntoMicrophone(stop);
      Thread.sleep(200);
      heard = mic.stop();
    }
    int from = heard.firstAbove(Wave.SOUND, 0);
    double heardSeconds = heard.secondsOf(heard.lastAbove(Wave.SOUND) - from);
    double saidSeconds = said.secondsOf(said.lastAbove(Wave.SOUND) - said.firstAbove(Wave.SOUND, 0));
    assertTrue(from >= 0, "the microphone heard nothing");
    assertEquals(saidSeconds, heardSeconds, 0.02, "seconds of sound");
    assertEquals(Wave.linearToDbfs(said.peak(0, said.length())), Wave.linearToDbfs(heard.peak(0, heard.length())),
        1.0, "peak level in dBFS");
  }

  @Test
  void theLoopbackFeedsTheSpeakerIntoTheMicrophone() throws Exception {
    card.loopSpeakerIntoMicrophone();
    Wave heard;
    try (Recorder mic = card.recordMicrophone()) {
      assertTrue(mic.awaitSamples(Duration.ofMillis(100), Duration.ofSeconds(10)));
      float[] tone = new float[24_000 / 2];
      for (int i = 0; i < tone.length; i++) {
        tone[i] = (float) (0.5 * Math.sin(2 * Math.PI * 440 * i / 24_000.0));
      }
      Path wav = site.dir().resolve("tone.wav");
      new Wave(tone, 24_000).write(wav);
      card.playOnSpeaker(wav);
      Thread.sleep(300);
      heard = mic.stop();
    }
    assertTrue(heard.peak(0, heard.length()) > Wave.dbfsToLinear(-10), "the microphone heard only "
        + Wave.linearToDbfs(heard.peak(0, heard.length())) + " dBFS of the speaker");
  }
}
