package org.cmtkiosk;

import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.cmtkiosk.listen.Context;
import org.cmtkiosk.listen.Engines;
import org.cmtkiosk.listen.Interpreter;
import org.cmtkiosk.listen.JavaSoundMic;
import org.cmtkiosk.listen.MicSource;
import org.cmtkiosk.listen.OwnSpeech;
import org.cmtkiosk.listen.RecogniserEngine;
import org.cmtkiosk.listen.VoiceCommands;
import org.cmtkiosk.listen.VoiceSettings;
import org.cmtkiosk.listen.VoiceUnavailableException;
import org.cmtkiosk.listen.Vocabulary;
import org.cmtkiosk.pacer.ConsoleIndicator;
import org.cmtkiosk.pacer.Indicator;
import org.cmtkiosk.gpio.Board;
import org.cmtkiosk.gpio.Pi4jGpio;
import org.cmtkiosk.config.KioskConfig;
import org.cmtkiosk.journal.JsonLinesJournal;
import org.cmtkiosk.practice.ContentRules;
import org.cmtkiosk.practice.Library;
import org.cmtkiosk.speech.CachedSpeaker;
import org.cmtkiosk.speech.MarySpeaker;
import org.cmtkiosk.speech.SpeechCache;
import org.cmtkiosk.audio.SoundCardOut;
import org.cmtkiosk.audio.TimelineBuilder;
import org.cmtkiosk.session.LiveSession;
import org.cmtkiosk.pacer.LedSettings;
import org.cmtkiosk.pacer.LedMode;

/** The one place that builds the real parts from the config; each is made on first use. */
public final class App {
  private final KioskConfig config;
  private Library library;
  private CachedSpeaker speaker;
  private SpeechCache speechCache;
  private TimelineBuilder timelines;

  public App(KioskConfig config) {
    this.config = config;
  }

  public KioskConfig config() {
    return config;
  }

  /** The practices in the configured scripts directories (loaded once). */
  public synchronized Library library() {
    if (library == null) {
      library = Library.load(scriptDirectories(), contentRules());
    }
    return library;
  }

  /** The shipped scripts folder, then the site's own ({@code practices.site_directory}) if set. */
  public List<Path> scriptDirectories() {
    Path site = config.siteScriptsDirectory();
    return site == null ? List.of(config.scriptsDirectory()) : List.of(config.scriptsDirectory(), site);
  }

  /** The content rules of every script: the configured longest silence, and the phrases the device understands. */
  public ContentRules contentRules() {
    return new ContentRules(config.maxSilence(),
        config.voice().words().values().stream().flatMap(List::stream).toList());
  }

  /** Speech from the disk cache, starting MaryTTS only if a sentence is missing. */
  public synchronized CachedSpeaker speaker() {
    if (speaker == null) {
      speaker = new CachedSpeaker(speechCache(), () -> new MarySpeaker(config.speech()));
    }
    return speaker;
  }

  public synchronized SpeechCache speechCache() {
    if (speechCache == null) {
      speechCache = new SpeechCache(config.speech().cacheDirectory(), config.speech().styleKey());
    }
    return speechCache;
  }

  /** Lays out practices and prompts with the cached speaker (made once: it synthesises the chime). */
  public synchronized TimelineBuilder timelines() {
    if (timelines == null) {
      timelines = new TimelineBuilder(speaker(), config.layout());
    }
    return timelines;
  }

  /** The breathing LED of the given mode; a GPIO that cannot be used is reported through {@code log}. */
  public Indicator indicator(LedMode mode, Consumer<String> log) {
    return switch (mode) {
      case AUTO -> Board.isRaspberryPi() ? indicator(LedMode.PWM, log) : Indicator.NONE;
      case PWM, DIGITAL -> Pi4jGpio.openLed(new LedSettings(mode, config.led().pin(), config.led().pwmChip(),
          config.led().minBrightness(), config.led().maxBrightness(), config.led().gamma(),
          config.led().pwmFrequencyHz()), log);
      case CONSOLE -> new ConsoleIndicator(System.err);
      case NONE -> Indicator.NONE;
    };
  }

  /** The words understood now: the configured commands and the offered practices' spoken names. */
  public Vocabulary vocabulary() {
    return new Vocabulary(config.voice().words(), library().practices().stream().map(p -> p.spokenName()).toList());
  }

  /** Voice control with the device's own speech as {@code own} and every outcome, failures too, to {@code listener}. */
  public VoiceCommands voice(MicSource mic, Supplier<Context> context, OwnSpeech own, VoiceCommands.Listener listener,
      Consumer<String> log) throws VoiceUnavailableException {
    VoiceSettings v = config.voice();
    RecogniserEngine engine = Engines.of(v, log);
    Vocabulary vocabulary = vocabulary();
    MicSource source = mic != null ? mic : new JavaSoundMic(v.microphone(), log);
    return new VoiceCommands(source, engine, new Interpreter(vocabulary, v), vocabulary, context, own, listener, log)
        .start();
  }

  /** The real parts of a live session: cached speech, the configured sound card, and {@code indicator}. */
  public LiveSession.Parts liveParts(Indicator indicator, Consumer<String> log) {
    var quiet = config.kiosk().quietHours();
    double ledScale = Math.min(1, quiet.maxBrightness() / Math.max(0.01, config.led().maxBrightness()));
    return new LiveSession.Parts(timelines(), speaker(),
        events -> SoundCardOut.open(config.audio(), log).events(events), indicator, config.pace(),
        config.audio(), quiet.volumeDb(), ledScale);
  }

  /** The journal for sessions from {@code source}; never fails to open (problems go to {@code log} in one line). */
  public JsonLinesJournal openJournal(org.cmtkiosk.journal.Source source, Consumer<String> log) {
    return JsonLinesJournal.open(config.journalDirectory(), source, log);
  }
}
