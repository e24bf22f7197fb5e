package org.cmtkiosk.config;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.cmtkiosk.yaml.Fields;
import org.cmtkiosk.yaml.Problems;
import org.cmtkiosk.yaml.YamlSource;
import org.cmtkiosk.breath.PaceLimits;
import org.cmtkiosk.session.KioskSettings;
import org.cmtkiosk.listen.VoiceSettings;
import org.yaml.snakeyaml.DumperOptions.FlowStyle;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Tag;
import org.cmtkiosk.speech.SpeechSettings;
import org.cmtkiosk.audio.ToneSettings;
import org.cmtkiosk.audio.ChimeSettings;
import org.cmtkiosk.audio.AudioSettings;
import org.cmtkiosk.pacer.LedSettings;
import org.cmtkiosk.pacer.LedMode;

/** Finds and reads {@code cmt-kiosk.yaml}: {@code --config PATH}, else /etc/cmt-kiosk, else built-in defaults. */
public final class ConfigLoader {
  public static final Path SYSTEM_CONFIG = Path.of("/etc/cmt-kiosk/cmt-kiosk.yaml");
  private static final Set<String> SECTIONS = Set.of("practices", "speech", "tone", "chime", "audio", "pacer", "led",
      "voice", "button", "kiosk", "offer", "safety", "session", "journal");

  private ConfigLoader() {}

  /** Reads the config named on the command line, or the system one, or returns the defaults. */
  public static KioskConfig load(Path explicit) throws ConfigException {
    if (explicit != null) {
      return read(explicit);
    }
    // exists, not isRegularFile: a FIFO or device there is reported, not silently replaced by the defaults.
    return Files.exists(SYSTEM_CONFIG) ? read(SYSTEM_CONFIG) : Defaults.config();
  }

  /** Reads one config file; settings it leaves out keep their defaults. */
  public static KioskConfig read(Path file) throws ConfigException {
    Problems problems = new Problems(file);
    KioskConfig d = Defaults.config();
    Optional<MappingNode> root = YamlSource.readMapping(file, problems);
    if (root.isEmpty()) {
      throw new ConfigException(problems.list());
    }
    Fields top = new Fields(root.get(), SECTIONS, "the config", problems);
    Path base = file.toAbsolutePath().getParent();
    Function<String, Path> resolve = text -> Defaults.expandHome(text, base);

    Fields practices = section(top, "practices", Set.of("directory", "site_directory", "max_silence"), problems);
    Path scripts = practices.text("directory", false, "write a folder path").map(resolve).orElse(d.scriptsDirectory());
    Duration maxSilence = practices.duration("max_silence", false, Duration.ofSeconds(20), Duration.ofMinutes(10))
        .orElse(d.maxSilence());
    Path siteScripts = practices.text("site_directory", false, "write a folder path").map(resolve)
        .orElse(d.siteScriptsDirectory());

    Fields s = section(top, "speech", Set.of("voice", "rate_percent", "pitch_percent", "comma_pause",
        "sentence_pause", "paragraph_pause", "level_dbfs", "cache_directory"), problems);
    SpeechSettings ds = d.speech();
    SpeechSettings speech = new SpeechSettings(
        s.text("voice", false, "write a MaryTTS voice name, e.g. cmu-slt-hsmm").orElse(ds.voice()),
        s.integer("rate_percent", false, -60, 20).orElse(ds.ratePercent()),
        s.integer("pitch_percent", false, -30, 30).orElse(ds.pitchPercent()),
        s.duration("comma_pause", false, Duration.ZERO, Duration.ofSeconds(2)).orElse(ds.commaPause()),
        s.duration("sentence_pause", false, Duration.ZERO, Duration.ofSeconds(5)).orElse(ds.sentencePause()),
        s.duration("paragraph_pause", false, Duration.ZERO, Duration.ofSeconds(10)).orElse(ds.paragraphPause()),
        s.number("level_dbfs", -40, -6).orElse(ds.levelDbfs()),
        s.text("cache_directory", false, "write a folder path").map(resolve).orElse(ds.cacheDirectory()));

    Fields t = section(top, "tone", Set.of("enabled", "frequency_hz", "level_dbfs"), problems);
    ToneSettings tone = new ToneSettings(t.bool("enabled").orElse(d.tone().enabled()),
        t.number("frequency_hz", 80, 1000).orElse(d.tone().frequencyHz()),
        t.number("level_dbfs", -60, -10).orElse(d.tone().levelDbfs()));

    Fields c = section(top, "chime", Set.of("level_dbfs"), problems);
    ChimeSettings chime = new ChimeSettings(c.number("level_dbfs", -60, -3).orElse(d.chime().levelDbfs()));

    Fields a = section(top, "audio", Set.of("buffer", "device", "volume_db", "quietest_db", "loudest_db",
        "volume_step_db", "retry_every", "give_up_after"), problems);
    AudioSettings da = d.audio();
    AudioSettings audio = new AudioSettings(
        a.duration("buffer", false, Duration.ofMillis(20), Duration.ofSeconds(1)).orElse(da.buffer()),
        a.textOrEmpty("device").map(String::strip).orElse(da.device()),
        a.number("volume_db", -40, 12).orElse(da.volumeDb()),
        a.number("quietest_db", -40, 0).orElse(da.quietestDb()),
        a.number("loudest_db", 0, 12).orElse(da.loudestDb()),
        a.number("volume_step_db", 0.5, 10).orElse(da.volumeStepDb()),
        a.duration("retry_every", false, Duration.ofSeconds(1), Duration.ofMinutes(1)).orElse(da.retryEvery()),
        a.duration("give_up_after", false, Duration.ofSeconds(5), Duration.ofMinutes(30)).orElse(da.giveUpAfter()));

    Fields pc = section(top, "pacer", Set.of("step", "slowest_per_minute", "fastest_per_minute", "glide_breaths"),
        problems);
    PaceLimits dp = d.pace();
    double slowest = pc.number("slowest_per_minute", 2, 12).orElse(dp.slowestPerMinute());
    double fastest = pc.number("fastest_per_minute", 2, 20).orElse(dp.fastestPerMinute());
    if (fastest < slowest) {
      problems.at(pc.raw("fastest_per_minute").orElse(pc.node()), "'fastest_per_minute' (" + fastest
          + ") is below 'slowest_per_minute' (" + slowest + ")", "make fastest_per_minute the larger number");
      fastest = slowest;
    }
    PaceLimits pace = new PaceLimits(slowest, fastest,
        pc.duration("step", false, Duration.ofMillis(200), Duration.ofSeconds(5)).orElse(dp.step()),
        pc.integer("glide_breaths", false, 1, 20).orElse(dp.glideBreaths()));

    Fields l = section(top, "led", Set.of("mode", "pin", "pwm_chip", "min_brightness", "max_brightness", "gamma",
        "pwm_frequency_hz"), problems);
    LedSettings dl = d.led();
    LedSettings led = new LedSettings(
        l.oneOf("mode", false, List.of("auto", "pwm", "digital", "console", "none"))
            .map(m -> LedMode.valueOf(m.toUpperCase(java.util.Locale.ROOT))).orElse(dl.mode()),
        l.integer("pin", false, 0, 27).orElse(dl.pin()),
        l.integer("pwm_chip", false, 0, 9).orElse(dl.pwmChip()),
        l.number("min_brightness", 0, 1).orElse(dl.minBrightness()),
        l.number("max_brightness", 0, 1).orElse(dl.maxBrightness()),
        l.number("gamma", 1, 3).orElse(dl.gamma()),
        l.integer("pwm_frequency_hz", false, 100, 20_000).orElse(dl.pwmFrequencyHz()));
    if (led.mode() != LedMode.DIGITAL && !List.of(12, 13, 18, 19).contains(led.pin())
        && led.mode() != LedMode.NONE && led.mode() != LedMode.CONSOLE) {
      problems.at(l.raw("pin").orElse(l.node()), "GPIO" + led.pin() + " has no hardware PWM",
          "use pin 12, 13, 18 or 19 for mode pwm, or set mode: digital");
    }

    VoiceSettings voice = voice(section(top, "voice", Set.of("engine", "enabled", "model", "pocketsphinx_model",
        "microphone", "confidence", "barge_in_confidence", "output_latency", "echo_margin", "words"), problems),
        d.voice(), resolve, problems);

    Fields b = section(top, "button", Set.of("enabled", "pin"), problems);
    KioskConfig.Button button = new KioskConfig.Button(b.bool("enabled").orElse(d.button().enabled()),
        b.integer("pin", false, 0, 27).orElse(d.button().pin()));

    KioskSettings kiosk = KioskSection.read(section(top, "kiosk", KioskSection.KEYS, problems),
        section(top, "offer", KioskSection.OFFER_KEYS, problems),
        section(top, "safety", KioskSection.SAFETY_KEYS, problems),
        section(top, "session", KioskSection.SESSION_KEYS, problems), d.kiosk(), problems);

    Fields j = section(top, "journal", Set.of("directory", "retention_days"), problems);
    Path journal = j.text("directory", false, "write a folder path").map(resolve).orElse(d.journalDirectory());
    int retention = j.integer("retention_days", false, 1, 3650).orElse(d.retentionDays());

    if (!problems.isEmpty()) {
      throw new ConfigException(problems.list());
    }
    return new KioskConfig(file, scripts, maxSilence, speech, tone, chime, audio, pace, led, voice, button, kiosk,
        journal, retention, siteScripts);
  }

  private static VoiceSettings voice(Fields v, VoiceSettings dv, Function<String, Path> resolve, Problems problems) {
    VoiceSettings.Engine engine = v.oneOf("engine", false, List.of("auto", "vosk", "pocketsphinx", "off"))
        .map(e -> VoiceSettings.Engine.valueOf(e.toUpperCase(java.util.Locale.ROOT))).orElse(dv.engine());
    if (!v.bool("enabled").orElse(true)) {
      engine = VoiceSettings.Engine.OFF;
    }
    return new VoiceSettings(engine,
        v.text("model", false, "write the folder of the unpacked Vosk model").map(resolve).orElse(dv.voskModel()),
        v.text("pocketsphinx_model", false, "write the folder holding en-us/ and cmudict-en-us.dict").map(resolve)
            .orElse(dv.pocketsphinxModel()),
        v.textOrEmpty("microphone").map(String::strip).orElse(dv.microphone()),
        v.number("confidence", 0, 1).orElse(dv.confidence()),
        v.number("barge_in_confidence", 0, 1).orElse(dv.bargeInConfidence()),
        v.duration("output_latency", false, Duration.ZERO, Duration.ofSeconds(2)).orElse(dv.outputLatency()),
        v.duration("echo_margin", false, Duration.ZERO, Duration.ofSeconds(2)).orElse(dv.echoMargin()),
        v.mapping("words", "list each command's phrases, e.g. 'stop: [stop, end]'")
            .map(words -> Words.read(words, problems)).orElse(dv.words()));
  }

  private static Fields section(Fields top, String name, Set<String> keys, Problems problems) {
    MappingNode node = top.mapping(name, "indent the " + name + " settings under '" + name + ":'")
        .orElseGet(() -> new MappingNode(Tag.MAP, List.of(), FlowStyle.BLOCK));
    return new Fields(node, keys, "the '" + name + "' settings", problems);
  }
}
