package org.cmtkiosk.listen;

import com.sun.jna.Native;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * PocketSphinx through JNA against the OS library, in two passes over the same audio: a JSGF grammar of the
 * context's phrases finds the best phrase, and a free phone loop (the model's phonetic language model) finds how well
 * ANY speech would explain those frames. A phrase is only as good as its acoustic score comes close to the phone
 * loop's over the same frames (a likelihood ratio per frame): speech that is none of the phrases is forced onto the
 * nearest phrase by the grammar, but fits it far worse than the phone loop, and so gets a low confidence. The
 * decoder's voice activity detector ends utterances; word times come from the segment iterator (frames since the
 * stream started).
 */
public final class PocketSphinxRecogniser implements Recogniser {
  /** The shared library as Debian and Raspberry Pi OS install it (no unversioned name without the -dev package). */
  static final String LIBRARY = "libpocketsphinx.so.3";
  /** Where Debian's pocketsphinx-en-us puts the model. */
  public static final Path DEBIAN_MODEL = Path.of("/usr/share/pocketsphinx/model/en-us");
  static final double FRAMES_PER_SECOND = 100;
  /** An utterance longer than this is ended and judged anyway (the detector can stay on in steady noise). */
  static final double LONGEST_UTTERANCE_SECONDS = 6;
  /** Scores are logarithms to the base 1.0001 (the decoder's default -logbase). */
  static final double NATS_PER_UNIT = Math.log(1.0001);

  private static PocketSphinxLibrary library;

  private final PocketSphinxLibrary ps;
  private final PocketSphinxDecoder words;
  private final PocketSphinxDecoder phones;
  private final Tuning tuning;
  private final Consumer<String> log;
  private final Map<String, String> searches = new HashMap<>();
  private final Set<String> missingReported = new LinkedHashSet<>();
  private String pendingGrammar;
  private short[] samples = new short[0];
  private long samplesFed;
  private boolean inUtterance;
  private long utteranceStartSample;

  /**
   * How the likelihood ratio becomes a word confidence: {@code exp(ratio per frame in nats / spread)}, so a phrase
   * that fits as well as free phones is 1, and one that fits {@code spread} nats a frame worse is 1/e.
   */
  public record Tuning(double spread) {
    /** What {@code bench voice} measured best here. */
    public static final Tuning DEFAULT = new Tuning(1.0);
  }

  private PocketSphinxRecogniser(PocketSphinxLibrary ps, PocketSphinxDecoder words, PocketSphinxDecoder phones,
      Tuning tuning, Consumer<String> log) {
    this.ps = ps;
    this.words = words;
    this.phones = phones;
    this.tuning = tuning;
    this.log = log;
  }

  /** Loads the OS library once; says which package to install when it is missing. */
  static synchronized PocketSphinxLibrary library() throws VoiceUnavailableException {
    if (library == null) {
      try {
        library = Native.load(LIBRARY, PocketSphinxLibrary.class);
      } catch (UnsatisfiedLinkError | NoClassDefFoundError e) {
        throw new VoiceUnavailableException("the PocketSphinx library (" + LIBRARY + ") is not installed — install"
            + " the Debian packages pocketsphinx and pocketsphinx-en-us (sudo apt install pocketsphinx"
            + " pocketsphinx-en-us)");
      }
    }
    return library;
  }

  /**
   * The engine for the model in {@code modelDirectory} (holding {@code en-us/}, {@code cmudict-en-us.dict} and
   * {@code en-us-phone.lm.bin}), checked now; {@code log} hears about phrases the dictionary lacks.
   */
  public static RecogniserEngine engine(Path modelDirectory, Tuning tuning, Consumer<String> log)
      throws VoiceUnavailableException {
    Path hmm = modelDirectory.resolve("en-us");
    Path dict = modelDirectory.resolve("cmudict-en-us.dict");
    Path phoneLm = modelDirectory.resolve("en-us-phone.lm.bin");
    if (!Files.isRegularFile(hmm.resolve("mdef")) || !Files.isRegularFile(dict) || !Files.isRegularFile(phoneLm)) {
      throw new VoiceUnavailableException("no PocketSphinx model at " + modelDirectory + " (it needs en-us/mdef, "
          + "cmudict-en-us.dict and en-us-phone.lm.bin) — install the Debian package pocketsphinx-en-us, or set "
          + "voice.pocketsphinx_model");
    }
    PocketSphinxLibrary ps = library();
    return new RecogniserEngine() {
      @Override
      public Recogniser open(Collection<String> phrases) throws VoiceUnavailableException {
        return PocketSphinxRecogniser.open(ps, hmm, dict, phoneLm, tuning, phrases, log);
      }

      @Override
      public String name() {
        return "PocketSphinx (" + modelDirectory + ")";
      }
    };
  }

  private static PocketSphinxRecogniser open(PocketSphinxLibrary ps, Path hmm, Path dict, Path phoneLm,
      Tuning tuning, Collection<String> phrases, Consumer<String> log) throws VoiceUnavailableException {
    PocketSphinxDecoder words = PocketSphinxDecoder.open(ps, hmm, dict);
    PocketSphinxDecoder phones = null;
    try {
      phones = PocketSphinxDecoder.open(ps, hmm, dict);
      if (ps.ps_set_allphone_file(phones.decoder, "phones", phoneLm.toString()) < 0
          || ps.ps_set_search(phones.decoder, "phones") < 0) {
        throw new VoiceUnavailableException("PocketSphinx could not read " + phoneLm + " — reinstall the Debian "
            + "package pocketsphinx-en-us");
      }
      PocketSphinxRecogniser r = new PocketSphinxRecogniser(ps, words, phones, tuning, log);
      r.use(r.jsgf(phrases));
      for (PocketSphinxDecoder d : List.of(words, phones)) {
        ps.ps_start_stream(d.decoder);
        ps.ps_start_utt(d.decoder);
      }
      return r;
    } catch (VoiceUnavailableException | RuntimeException e) {
      words.close();
      if (phones != null) {
        phones.close();
      }
      throw e;
    }
  }

  /** The grammar: exactly one of the phrases whose words the dictionary has (others are reported once). */
  String jsgf(Collection<String> phrases) {
    List<String> known = new ArrayList<>();
    for (String phrase : phrases) {
      Optional<String> missing = List.of(phrase.split(" ")).stream()
          .filter(w -> ps.ps_lookup_word(words.decoder, w) == null).findFirst();
      if (missing.isEmpty()) {
        known.add(phrase);
      } else if (missingReported.add(phrase)) {
        log.accept("Voice: '" + phrase + "' cannot be listened for: PocketSphinx's dictionary has no word '"
            + missing.get() + "' (change it in voice.words)");
      }
    }
    return "#JSGF V1.0;\ngrammar commands;\npublic <phrase> = "
        + (known.isEmpty() ? "<VOID>" : String.join(" | ", known)) + ";\n";
  }

  private void use(String jsgf) throws VoiceUnavailableException {
    String name = searches.get(jsgf);
    if (name == null) {
      name = "g" + searches.size();
      if (ps.ps_set_jsgf_string(words.decoder, name, jsgf) < 0) {
        throw new VoiceUnavailableException("PocketSphinx rejected the grammar:\n" + jsgf);
      }
      searches.put(jsgf, name);
    }
    ps.ps_set_search(words.decoder, name);
  }

  @Override
  public Optional<Recognition> accept(byte[] pcm, int length) {
    int n = length / 2;
    if (samples.length < n) {
      samples = new short[n];
    }
    for (int i = 0; i < n; i++) {
      samples[i] = (short) ((pcm[2 * i] & 0xff) | (pcm[2 * i + 1] << 8));
    }
    words.process(samples, n);
    phones.process(samples, n);
    samplesFed += n;
    boolean speech = words.inSpeech();
    if (speech && !inUtterance) {
      inUtterance = true;
      utteranceStartSample = samplesFed - n;
    }
    boolean tooLong = (samplesFed - utteranceStartSample) / 16_000.0 > LONGEST_UTTERANCE_SECONDS;
    if (inUtterance && (!speech || tooLong)) {
      return endUtterance();
    }
    return Optional.empty();
  }

  private Optional<Recognition> endUtterance() {
    ps.ps_end_utt(words.decoder);
    ps.ps_end_utt(phones.decoder);
    Optional<Recognition> result = inUtterance ? judge(words.segments(), phones.segments()) : Optional.empty();
    inUtterance = false;
    if (pendingGrammar != null) {
      applyGrammar(pendingGrammar);
      pendingGrammar = null;
    }
    ps.ps_start_utt(words.decoder);
    ps.ps_start_utt(phones.decoder);
    return result;
  }

  /**
   * The phrase's words, each as confident as the phrase fits against the phone loop over the same frames; nothing
   * when only silence or noise was decoded.
   */
  Optional<Recognition> judge(List<PocketSphinxDecoder.Segment> phrase, List<PocketSphinxDecoder.Segment> loop) {
    List<PocketSphinxDecoder.Segment> spoken = phrase.stream().filter(s -> !s.filler()).toList();
    if (spoken.isEmpty()) {
      return Optional.empty();
    }
    int from = spoken.get(0).startFrame();
    int to = spoken.get(spoken.size() - 1).endFrame();
    double confidence = confidence(spoken, loop, from, to);
    List<Recognition.Word> list = spoken.stream().map(s -> new Recognition.Word(stripAlternative(s.word()),
        s.startFrame() / FRAMES_PER_SECOND, (s.endFrame() + 1) / FRAMES_PER_SECOND, confidence)).toList();
    return Optional.of(new Recognition.Words(list));
  }

  /** exp(per-frame log-likelihood ratio of the phrase against the phone loop, in nats, / spread), at most 1. */
  double confidence(List<PocketSphinxDecoder.Segment> spoken, List<PocketSphinxDecoder.Segment> loop, int from,
      int to) {
    long phraseScore = spoken.stream().mapToLong(PocketSphinxDecoder.Segment::acousticScore).sum();
    int phraseFrames = spoken.stream().mapToInt(PocketSphinxDecoder.Segment::frames).sum();
    long loopScore = 0;
    int loopFrames = 0;
    for (PocketSphinxDecoder.Segment s : loop) {
      int mid = (s.startFrame() + s.endFrame()) / 2;
      if (mid >= from && mid <= to) {
        loopScore += s.acousticScore();
        loopFrames += s.frames();
      }
    }
    if (loopFrames == 0 || phraseFrames == 0) {
      return 0;
    }
    double ratio = (phraseScore / (double) phraseFrames - loopScore / (double) loopFrames) * NATS_PER_UNIT;
    if (DEBUG) {
      System.err.printf(java.util.Locale.ROOT, "ps: %s ratio %.3f nats/frame (%d/%d frames) loop %s%n",
          spoken.stream().map(PocketSphinxDecoder.Segment::word).toList(), ratio, phraseFrames, loopFrames,
          loop.stream().filter(s -> !s.filler()).map(PocketSphinxDecoder.Segment::word).toList());
    }
    return Math.min(1, Math.exp(ratio / tuning.spread()));
  }

  static final boolean DEBUG = Boolean.getBoolean("cmtkiosk.voice.debug");

  /** "read(2)" is the dictionary's second pronunciation of "read". */
  private static String stripAlternative(String word) {
    int paren = word.indexOf('(');
    return paren > 0 ? word.substring(0, paren) : word;
  }

  @Override
  public void listenFor(Collection<String> phrases) {
    String jsgf = jsgf(phrases);
    if (inUtterance) {
      pendingGrammar = jsgf;
    } else {
      ps.ps_end_utt(words.decoder);
      applyGrammar(jsgf);
      ps.ps_start_utt(words.decoder);
    }
  }

  private void applyGrammar(String jsgf) {
    try {
      use(jsgf);
    } catch (VoiceUnavailableException e) {
      throw new IllegalStateException(e.getMessage(), e);
    }
  }

  @Override
  public Optional<Recognition> finish() {
    return endUtterance();
  }

  @Override
  public void close() {
    words.close();
    phones.close();
  }
}
