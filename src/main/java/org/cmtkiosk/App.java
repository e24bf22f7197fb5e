package org.cmtkiosk;

import java.io.IOException;
import org.cmtkiosk.config.KioskConfig;
import org.cmtkiosk.journal.JsonLinesJournal;
import org.cmtkiosk.practice.ContentRules;
import org.cmtkiosk.practice.Library;
import org.cmtkiosk.speech.CachedSpeaker;
import org.cmtkiosk.speech.MarySpeaker;
import org.cmtkiosk.speech.SpeechCache;
import org.cmtkiosk.audio.TimelineBuilder;

/** The one place that builds the real parts from the config; each is made on first use. */
public final class App {
  private final KioskConfig config;
  private Library library;
  private CachedSpeaker speaker;

  public App(KioskConfig config) {
    this.config = config;
  }

  public KioskConfig config() {
    return config;
  }

  /** The practices in the configured scripts directory (loaded once). */
  public Library library() {
    if (library == null) {
      library = Library.load(config.scriptsDirectory(), contentRules());
    }
    return library;
  }

  public ContentRules contentRules() {
    return new ContentRules(config.maxSilence());
  }

  /** Speech from the disk cache, starting MaryTTS only if a sentence is missing. */
  public CachedSpeaker speaker() {
    if (speaker == null) {
      speaker = new CachedSpeaker(speechCache(), () -> new MarySpeaker(config.speech()));
    }
    return speaker;
  }

  public SpeechCache speechCache() {
    return new SpeechCache(config.speech().cacheDirectory(), config.speech().styleKey());
  }

  public TimelineBuilder timelines() {
    return new TimelineBuilder(speaker(), config);
  }

  public JsonLinesJournal.Opened openJournal() throws IOException {
    return JsonLinesJournal.open(config.journalDirectory());
  }
}
