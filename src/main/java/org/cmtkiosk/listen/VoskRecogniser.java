package org.cmtkiosk.listen;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.vosk.LibVosk;
import org.vosk.LogLevel;
import org.vosk.Model;
import org.vosk.Recognizer;

/**
 * Vosk through its Java binding (JNA): one {@link Model} per process, one recogniser per listening thread, both
 * closed when done (they hold native memory).
 */
public final class VoskRecogniser implements Recogniser {
  /** The model this project is built and documented for. */
  public static final String MODEL_NAME = "vosk-model-small-en-us-0.15";
  private static Model model;
  private static Path modelPath;
  private final Recognizer recognizer;

  private VoskRecogniser(Recognizer recognizer) {
    this.recognizer = recognizer;
  }

  /** Checks that the native library loads (it ships in the vosk jar for x86-64 only). */
  public static void loadNativeLibrary() throws VoiceUnavailableException {
    try {
      LibVosk.setLogLevel(LogLevel.WARNINGS);
    } catch (UnsatisfiedLinkError | NoClassDefFoundError e) {
      throw new VoiceUnavailableException("the Vosk native library (libvosk.so for " + System.getProperty("os.arch")
          + ") could not be loaded (" + e.getMessage() + ") — on 64-bit Raspberry Pi OS, get libvosk.so from "
          + "vosk-linux-aarch64-0.3.45.zip (Vosk 0.3.45 release), put it in /opt/cmt-kiosk/native and start Java with"
          + " -Djna.library.path=/opt/cmt-kiosk/native (the installer does this)");
    }
  }

  /** Loads the model at {@code path} once per process (again only if a different path is asked for). */
  public static synchronized Model model(Path path) throws VoiceUnavailableException {
    if (model != null && path.equals(modelPath)) {
      return model;
    }
    if (!Files.isDirectory(path)) {
      throw new VoiceUnavailableException("no Vosk model at " + path + " — download " + MODEL_NAME + ".zip (about "
          + "40 MB) from the Vosk models page, unzip it there, or set voice.model in the config to where it is");
    }
    if (!Files.isDirectory(path.resolve("am")) || !Files.isDirectory(path.resolve("conf"))) {
      throw new VoiceUnavailableException("the Vosk model at " + path + " is incomplete (no am/ or conf/ folder) — "
          + "unzip " + MODEL_NAME + ".zip again so that " + path + "/am and " + path + "/conf exist");
    }
    loadNativeLibrary();
    try {
      Model loaded = new Model(path.toString());
      if (model != null) {
        model.close();
      }
      model = loaded;
      modelPath = path;
      return model;
    } catch (IOException | RuntimeException e) {
      throw new VoiceUnavailableException("the Vosk model at " + path + " could not be loaded (" + e.getMessage()
          + ") — it may be damaged; unzip " + MODEL_NAME + ".zip again");
    }
  }

  /** The engine for the model at {@code path}, loaded now (seconds on a Pi) so that opening recognisers is quick. */
  public static RecogniserEngine engine(Path path) throws VoiceUnavailableException {
    Model m = model(path);
    return new RecogniserEngine() {
      @Override
      public Recogniser open(Collection<String> phrases) throws VoiceUnavailableException {
        return VoskRecogniser.open(m, phrases);
      }

      @Override
      public String name() {
        return "Vosk (" + path.getFileName() + ")";
      }
    };
  }

  /** A recogniser for one listening thread, listening for {@code phrases}. */
  static VoskRecogniser open(Model m, Collection<String> phrases) throws VoiceUnavailableException {
    try {
      Recognizer r = new Recognizer(m, MicSource.FORMAT.getSampleRate(), grammar(phrases));
      r.setWords(true);
      return new VoskRecogniser(r);
    } catch (RuntimeException e) {
      throw new VoiceUnavailableException("Vosk could not start a recogniser (" + e.getMessage() + ")");
    }
  }

  /**
   * Vosk's grammar: a JSON list of the phrases plus "[unk]", so anything else is reported as unknown instead of
   * being forced onto the nearest phrase.
   */
  static String grammar(Collection<String> phrases) {
    List<String> all = new ArrayList<>(phrases);
    all.add("[unk]");
    return all.stream().map(p -> '"' + p.replace("\"", "").replace("\\", "") + '"')
        .collect(Collectors.joining(", ", "[", "]"));
  }

  @Override
  public Optional<Recognition> accept(byte[] pcm, int length) {
    return recognizer.acceptWaveForm(pcm, length) ? typed(recognizer.getResult()) : Optional.empty();
  }

  @Override
  public void listenFor(Collection<String> phrases) {
    recognizer.setGrammar(grammar(phrases));
    recognizer.reset();
  }

  @Override
  public Optional<Recognition> finish() {
    return typed(recognizer.getFinalResult());
  }

  /**
   * Vosk's result JSON as a typed result: nothing for silence, not recognised when every word is "[unk]"; otherwise
   * the words, "[unk]" included, so that the way out can be found inside a longer utterance ("[unk] too much").
   */
  static Optional<Recognition> typed(String json) {
    VoskResult r = VoskResult.parse(json);
    if (r.result().isEmpty()) {
      return Optional.empty();
    }
    List<VoskResult.Word> words = r.result();
    double start = words.get(0).start();
    double end = words.get(words.size() - 1).end();
    if (words.stream().allMatch(w -> w.word().equals(Recognition.UNKNOWN))) {
      return Optional.of(new Recognition.NotRecognised(start, end));
    }
    return Optional.of(new Recognition.Words(words.stream()
        .map(w -> new Recognition.Word(w.word(), w.start(), w.end(), w.conf())).toList()));
  }

  @Override
  public void close() {
    recognizer.close();
  }
}
