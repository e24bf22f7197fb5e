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
 * context's phrases finds the best phrase, and a free loop of single phones finds how well
 * ANY speech would explain those frames (a phone loop of the same acoustic model). A phrase is only as good as its acoustic score comes close to the phone
 * loop's over the same frames (a likelihood ratio per frame): speech that is none of the phrases is forced onto the
 * nearest phrase by the grammar, but fits it far worse than the phone loop, and so gets a low confidence; and a
 * phrase that needed long silence or noise fillers around it was part of longer speech and is not recognised. The
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
  /**
   * A phrase said on its own leaves only the detector's padding around it (0.2 s before, 0.5 s after); when the
   * grammar has to cover more than this with silence and noise fillers, the phrase was part of longer speech.
   */
  static final int MOST_FILLER_FRAMES = 110;
  /**
   * Acoustic scores are logarithms to the base 1.0001 (the decoder's default -logbase), kept shifted right by 10
   * bits (SENSCR_SHIFT).
   */
  static final double NATS_PER_UNIT = Math.log(1.0001) * 1024;

  /** The CMU phones of the en-us model: the free phone loop that any speech fits. */
  static final List<String> PHONES = List.of("AA", "AE", "AH", "AO", "AW", "AY", "B", "CH", "D", "DH", "EH", "ER",
      "EY", "F", "G", "HH", "IH", "IY", "JH", "K", "L", "M", "N", "NG", "OW", "OY", "P", "R", "S", "SH", "T", "TH",
      "UH", "UW", "V", "W", "Y", "Z", "ZH");
  static final String PHONE_LOOP = "#JSGF V1.0;\ngrammar phones;\npublic <loop> = <phone>+;\n<phone> = "
      + String.join(" | ", PHONES.stream().map(PocketSphinxRecogniser::phoneWord).toList()) + ";\n";

  private static PocketSphinxLibrary library;

  /** The dictionary word for one phone of the loop. */
  static String phoneWord(String phone) {
    return "phone_" + phone.toLowerCase(java.util.Locale.ROOT);
  }

  private final PocketSphinxLibrary ps;
  private final PocketSphinxDecoder words;
  private final PocketSphinxDecoder phones;
  /** Decodes an utterance again, with the winning phrase alone and with its rivals, to measure the margin. */
  private final PocketSphinxDecoder second;
  private final Map<String, String> secondSearches = new HashMap<>();
  /** The phrases listened for now, and what each means (synonyms share a meaning). */
  private List<String> current = List.of();
  private Map<String, Object> meanings = Map.of();
  private Map<String, Object> pendingMeanings;
  /** The most recent audio, enough for the longest utterance and the detector's lead-in. */
  private final short[] recent = new short[(int) ((LONGEST_UTTERANCE_SECONDS + 2) * 16_000)];
  private final Tuning tuning;
  private final Consumer<String> log;
  private final Map<String, String> searches = new HashMap<>();
  private final Set<String> missingReported = new LinkedHashSet<>();
  private List<String> pendingPhrases;
  private short[] samples = new short[0];
  private long samplesFed;
  private boolean inUtterance;
  private long utteranceStartSample;

  /**
   * How the likelihood ratio becomes a word confidence: {@code exp(ratio per frame in nats / spread)}, so a phrase
   * that fits as well as free phones is 1. With spread 8.7, the default bar of 0.75 ({@code voice.confidence})
   * accepts phrases at most 2.5 nats a frame worse than the phone loop, and the barge-in bar of 0.9 at most 0.9:
   * measured by {@code bench voice} here, 95% of commands fit within 1.4 nats a frame (clean and at 10 dB SNR),
   * and 90% of non-command speech forced onto a phrase 3.4 nats or more worse.
   *
   * <p>{@code margin}: how many nats a frame better the phrase alone must fit the utterance than the best phrase of
   * another meaning ({@link #margin(String)}); 0 measured best here (README: a larger one loses more right commands
   * than it removes wrong ones). {@code decoderArguments}: more decoder settings (name, value, ...), for the bench.
   */
  public record Tuning(double spread, double margin, List<String> decoderArguments) {
    /** What {@code bench voice} measured best here. */
    public static final Tuning DEFAULT = new Tuning(8.7, 0.0, List.of());

    public Tuning {
      decoderArguments = List.copyOf(decoderArguments);
    }
  }

  private PocketSphinxRecogniser(PocketSphinxLibrary ps, PocketSphinxDecoder words, PocketSphinxDecoder phones,
      PocketSphinxDecoder second, Tuning tuning, Consumer<String> log) {
    this.ps = ps;
    this.words = words;
    this.phones = phones;
    this.second = second;
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
   * The engine for the model in {@code modelDirectory} (holding {@code en-us/} and {@code cmudict-en-us.dict}),
   * checked now; {@code log} hears about phrases the dictionary lacks.
   */
  public static RecogniserEngine engine(Path modelDirectory, Tuning tuning, Consumer<String> log)
      throws VoiceUnavailableException {
    Path hmm = modelDirectory.resolve("en-us");
    Path dict = modelDirectory.resolve("cmudict-en-us.dict");
    if (!Files.isRegularFile(hmm.resolve("mdef")) || !Files.isRegularFile(dict)) {
      throw new VoiceUnavailableException("no PocketSphinx model at " + modelDirectory + " (it needs en-us/mdef and "
          + "cmudict-en-us.dict) — install the Debian package pocketsphinx-en-us, or set voice.pocketsphinx_model");
    }
    PocketSphinxLibrary ps = library();
    return new RecogniserEngine() {
      @Override
      public Recogniser open(Collection<String> phrases) throws VoiceUnavailableException {
        return PocketSphinxRecogniser.open(ps, hmm, dict, tuning, phrases, log);
      }

      @Override
      public Recogniser open(Map<String, Heard> phrases) throws VoiceUnavailableException {
        PocketSphinxRecogniser r = PocketSphinxRecogniser.open(ps, hmm, dict, tuning, phrases.keySet(), log);
        r.meanings = meanings(phrases);
        return r;
      }

      @Override
      public String name() {
        return "PocketSphinx (" + modelDirectory + ")";
      }
    };
  }

  private static PocketSphinxRecogniser open(PocketSphinxLibrary ps, Path hmm, Path dict, Tuning tuning, Collection<String> phrases, Consumer<String> log) throws VoiceUnavailableException {
    PocketSphinxDecoder words = PocketSphinxDecoder.open(ps, hmm, dict, tuning.decoderArguments());
    PocketSphinxDecoder phones = null;
    PocketSphinxDecoder second = null;
    try {
      phones = PocketSphinxDecoder.open(ps, hmm, dict, tuning.decoderArguments());
      second = PocketSphinxDecoder.open(ps, hmm, dict, tuning.decoderArguments());
      for (int i = 0; i < PHONES.size(); i++) {
        ps.ps_add_word(phones.decoder, phoneWord(PHONES.get(i)), PHONES.get(i), i == PHONES.size() - 1 ? 1 : 0);
      }
      if (ps.ps_set_jsgf_string(phones.decoder, "phones", PHONE_LOOP) < 0
          || ps.ps_set_search(phones.decoder, "phones") < 0) {
        throw new VoiceUnavailableException("PocketSphinx could not build its phone loop from " + hmm);
      }
      PocketSphinxRecogniser r = new PocketSphinxRecogniser(ps, words, phones, second, tuning, log);
      r.use(r.known(phrases));
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
      if (second != null) {
        second.close();
      }
      throw e;
    }
  }

  /** The grammar: exactly one of the phrases whose words the dictionary has (others are reported once). */
  String jsgf(Collection<String> phrases) {
    return grammar(known(phrases));
  }

  private static String grammar(List<String> known) {
    return "#JSGF V1.0;\ngrammar commands;\npublic <phrase> = "
        + (known.isEmpty() ? "<VOID>" : String.join(" | ", known)) + ";\n";
  }

  /** The phrases whose words the dictionary has; the others are reported once. */
  private List<String> known(Collection<String> phrases) {
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
    return known;
  }

  private void use(List<String> phrases) throws VoiceUnavailableException {
    search(words, searches, grammar(phrases));
    current = phrases;
  }

  /** Switches {@code decoder} to the grammar, made once and kept in {@code made}. */
  private void search(PocketSphinxDecoder decoder, Map<String, String> made, String jsgf)
      throws VoiceUnavailableException {
    String name = made.get(jsgf);
    if (name == null) {
      name = "g" + made.size();
      if (ps.ps_set_jsgf_string(decoder.decoder, name, jsgf) < 0) {
        throw new VoiceUnavailableException("PocketSphinx rejected the grammar:\n" + jsgf);
      }
      made.put(jsgf, name);
    }
    ps.ps_set_search(decoder.decoder, name);
  }

  /** What each phrase means, as far as telling synonyms from other commands goes. */
  static Map<String, Object> meanings(Map<String, Heard> phrases) {
    Map<String, Object> m = new HashMap<>();
    phrases.forEach((phrase, heard) -> m.put(phrase, heard instanceof Heard.CommandHeard c ? c.command() : heard));
    return m;
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
    for (int i = 0; i < n; i++) {
      recent[(int) ((samplesFed + i) % recent.length)] = samples[i];
    }
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
    if (pendingPhrases != null) {
      applyGrammar(pendingPhrases);
      pendingPhrases = null;
    }
    if (pendingMeanings != null) {
      meanings = pendingMeanings;
      pendingMeanings = null;
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
    int fillerFrames = phrase.stream().filter(PocketSphinxDecoder.Segment::filler)
        .mapToInt(PocketSphinxDecoder.Segment::frames).sum();
    if (fillerFrames > MOST_FILLER_FRAMES) {
      if (DEBUG) {
        System.err.println("ps: " + spoken.stream().map(PocketSphinxDecoder.Segment::word).toList() + " with "
            + fillerFrames + " frames of filler: not a phrase on its own");
      }
      return Optional.of(new Recognition.NotRecognised(phrase.get(0).startFrame() / FRAMES_PER_SECOND,
          (phrase.get(phrase.size() - 1).endFrame() + 1) / FRAMES_PER_SECOND));
    }
    double confidence = confidence(phrase, loop);
    String said = String.join(" ", spoken.stream().map(s -> stripAlternative(s.word())).toList());
    if (margin(said) < tuning.margin()) {
      return Optional.of(new Recognition.NotRecognised(phrase.get(0).startFrame() / FRAMES_PER_SECOND,
          (phrase.get(phrase.size() - 1).endFrame() + 1) / FRAMES_PER_SECOND));
    }
    List<Recognition.Word> list = spoken.stream().map(s -> new Recognition.Word(stripAlternative(s.word()),
        s.startFrame() / FRAMES_PER_SECOND, (s.endFrame() + 1) / FRAMES_PER_SECOND, confidence)).toList();
    return Optional.of(new Recognition.Words(list));
  }

  /**
   * exp(log-likelihood ratio per frame of the grammar's best path against the phone loop's over the whole utterance,
   * in nats, / spread), at most 1. Over the whole utterance, so that speech the grammar could only cover with
   * silence or noise fillers counts against the phrase.
   */
  double confidence(List<PocketSphinxDecoder.Segment> path, List<PocketSphinxDecoder.Segment> loop) {
    long pathScore = path.stream().mapToLong(PocketSphinxDecoder.Segment::acousticScore).sum();
    long loopScore = loop.stream().mapToLong(PocketSphinxDecoder.Segment::acousticScore).sum();
    int frames = Math.max(1, path.stream().mapToInt(PocketSphinxDecoder.Segment::frames).sum());
    double ratio = (pathScore - loopScore) / (double) frames * NATS_PER_UNIT;
    if (DEBUG) {
      System.err.printf(java.util.Locale.ROOT, "ps: %s ratio %.4f nats/frame (%d frames, %d %d)%n",
          path.stream().map(PocketSphinxDecoder.Segment::word).toList(), ratio, frames, pathScore, loopScore);
    }
    return Math.min(1, Math.exp(ratio / tuning.spread()));
  }

  static final boolean DEBUG = Boolean.getBoolean("cmtkiosk.voice.debug");

  /** Audio before the detector's start of speech that the second pass also hears (its own lead-in is 0.2 s). */
  static final double SECOND_PASS_LEAD_SECONDS = 0.5;

  /**
   * How much better, in nats a frame, the utterance fits {@code winner} alone than the best phrase of another meaning
   * (a synonym of the winner is no rival: "end" for "stop" is still stop): the same audio decoded again with each
   * grammar (see {@link #withSilence}). Infinite when nothing else is listened for.
   */
  double margin(String winner) {
    Object meaning = meanings.getOrDefault(winner, winner);
    List<String> rivals = current.stream().filter(p -> !meanings.getOrDefault(p, p).equals(meaning)).toList();
    if (rivals.isEmpty()) {
      return Double.POSITIVE_INFINITY;
    }
    long from = Math.max(Math.max(0, samplesFed - recent.length),
        utteranceStartSample - (long) (SECOND_PASS_LEAD_SECONDS * 16_000));
    short[] audio = new short[(int) (samplesFed - from)];
    for (int i = 0; i < audio.length; i++) {
      audio[i] = recent[(int) ((from + i) % recent.length)];
    }
    double own = perFrame(List.of(winner), audio);
    double rival = perFrame(withSilence(rivals), audio);
    double margin = (own - rival) * NATS_PER_UNIT;
    if (DEBUG) {
      System.err.printf(java.util.Locale.ROOT, "ps: margin %s %.4f nats/frame over %d rivals%n", winner, margin,
          rivals.size());
    }
    return margin;
  }

  /**
   * The rivals, or silence alone: a grammar whose phrases cannot all be fitted to the audio (the search reaches no
   * end of a phrase) yields no path at all, and then the winner is measured against silence and noise fillers.
   */
  static List<String> withSilence(List<String> rivals) {
    List<String> all = new ArrayList<>(rivals);
    all.add("<NULL>");
    return all;
  }

  /** The acoustic score a frame of the best path through a grammar of {@code phrases}, over {@code audio}. */
  private double perFrame(List<String> phrases, short[] audio) {
    try {
      search(second, secondSearches, grammar(phrases));
    } catch (VoiceUnavailableException e) {
      throw new IllegalStateException(e.getMessage(), e);
    }
    ps.ps_start_utt(second.decoder);
    ps.ps_process_raw(second.decoder, audio, new com.sun.jna.NativeLong(audio.length), 0, 0);
    ps.ps_end_utt(second.decoder);
    List<PocketSphinxDecoder.Segment> path = second.segments();
    int frames = path.stream().mapToInt(PocketSphinxDecoder.Segment::frames).sum();
    if (DEBUG) {
      System.err.println("ps: second pass " + path);
    }
    if (frames == 0) {
      return Double.NEGATIVE_INFINITY;
    }
    return path.stream().mapToLong(PocketSphinxDecoder.Segment::acousticScore).sum() / (double) frames;
  }

  /** "read(2)" is the dictionary's second pronunciation of "read". */
  private static String stripAlternative(String word) {
    int paren = word.indexOf('(');
    return paren > 0 ? word.substring(0, paren) : word;
  }

  @Override
  public void listenFor(Collection<String> phrases) {
    List<String> known = known(phrases);
    if (inUtterance) {
      pendingPhrases = known;
    } else {
      ps.ps_end_utt(words.decoder);
      applyGrammar(known);
      ps.ps_start_utt(words.decoder);
    }
  }

  @Override
  public void listenFor(Map<String, Heard> phrases) {
    if (inUtterance) {
      pendingMeanings = meanings(phrases);
    } else {
      meanings = meanings(phrases);
    }
    listenFor(phrases.keySet());
  }

  private void applyGrammar(List<String> phrases) {
    try {
      use(phrases);
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
    second.close();
  }
}
