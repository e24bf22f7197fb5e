package org.cmtkiosk.audio;

import java.time.Duration;

/** What live playback reports as it happens, for the session's log and journal. Called on the audio thread. */
public interface PlaybackEvents {
  /** The device went away; playback is paused where it was. */
  void lost(String cause);

  /** The device came back after {@code after}; playback carries on. */
  void back(Duration after);

  /** The device ran out of audio: the listener heard a gap of about {@code gap}. */
  void underrun(Duration gap);

  /** Reports nothing. */
  PlaybackEvents NONE = new PlaybackEvents() {
    @Override
    public void lost(String cause) { }

    @Override
    public void back(Duration after) { }

    @Override
    public void underrun(Duration gap) { }
  };
}
