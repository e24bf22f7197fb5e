package org.cmtkiosk.audio;

import org.cmtkiosk.speech.SpeechSettings;

/** What laying out a practice's sound needs: the voice's pauses, the pacing tone and the chime. */
public record LayoutSettings(SpeechSettings speech, ToneSettings tone, ChimeSettings chime) {}
