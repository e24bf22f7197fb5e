package org.cmtkiosk.audio;

/** The breathing pacer's tone. */
public record ToneSettings(boolean enabled, double frequencyHz, double levelDbfs) {}
