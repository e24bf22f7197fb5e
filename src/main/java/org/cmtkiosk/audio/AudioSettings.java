package org.cmtkiosk.audio;

import java.time.Duration;

/**
 * Live output: javax.sound buffer length, the device (empty = the system default), the volume a session starts
 * at and its bounds (dB relative to the rendered levels), and how a lost device is retried.
 */
public record AudioSettings(Duration buffer, String device, double volumeDb, double quietestDb, double loudestDb,
    double volumeStepDb, Duration retryEvery, Duration giveUpAfter) {}
