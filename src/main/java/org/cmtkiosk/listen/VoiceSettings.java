package org.cmtkiosk.listen;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Offline voice commands.
 *
 * @param model the unpacked Vosk model folder
 * @param microphone part of the input device's name, or empty for the default
 * @param confidence every word of a command must be at least this sure (0..1)
 * @param bargeInConfidence the bar while the device itself is speaking (only stop, pause, too much)
 * @param words each command's phrases, e.g. STOP → [stop, end, finish]
 */
public record VoiceSettings(boolean enabled, Path model, String microphone, double confidence, double bargeInConfidence,
    Map<Command, List<String>> words) {}
