package org.cmtkiosk.audio;

/** The bell that opens and closes practices. */
public record ChimeSettings(double levelDbfs) {}
