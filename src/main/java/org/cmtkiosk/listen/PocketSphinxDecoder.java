package org.cmtkiosk.listen;

import com.sun.jna.NativeLong;
import com.sun.jna.Pointer;
import com.sun.jna.ptr.IntByReference;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** One native PocketSphinx decoder and its config, freed together; used by one thread. */
final class PocketSphinxDecoder implements AutoCloseable {
  /** One word (or phone) of the best hypothesis: frames since the stream started, acoustic score, posterior. */
  record Segment(String word, int startFrame, int endFrame, int acousticScore, double posterior) {
    int frames() {
      return endFrame - startFrame + 1;
    }

    boolean filler() {
      return word.startsWith("<") || word.startsWith("[") || word.startsWith("+") || word.startsWith("(");
    }
  }

  private final PocketSphinxLibrary ps;
  private final Pointer config;
  final Pointer decoder;

  private PocketSphinxDecoder(PocketSphinxLibrary ps, Pointer config, Pointer decoder) {
    this.ps = ps;
    this.config = config;
    this.decoder = decoder;
  }

  /** A decoder for the model, with {@code more} settings (name, value, ...) after ours. */
  static PocketSphinxDecoder open(PocketSphinxLibrary ps, Path hmm, Path dict, List<String> more)
      throws VoiceUnavailableException {
    List<String> args = new ArrayList<>(List.of("-hmm", hmm.toString(), "-dict", dict.toString(), "-samprate",
        "16000", "-logfn", "/dev/null", "-compallsen", "yes"));
    args.addAll(more);
    String[] argv = args.toArray(String[]::new);
    Pointer config = ps.cmd_ln_parse_r(null, ps.ps_args(), argv.length, argv, 1);
    if (config == null) {
      throw new VoiceUnavailableException("PocketSphinx refused its settings " + String.join(" ", argv));
    }
    Pointer decoder = ps.ps_init(config);
    if (decoder == null) {
      ps.cmd_ln_free_r(config);
      throw new VoiceUnavailableException("PocketSphinx could not load the model at " + hmm.getParent() + " — it"
          + " may be damaged; reinstall the Debian package pocketsphinx-en-us");
    }
    return new PocketSphinxDecoder(ps, config, decoder);
  }

  void process(short[] samples, int count) {
    ps.ps_process_raw(decoder, samples, new NativeLong(count), 0, 0);
  }

  boolean inSpeech() {
    return ps.ps_get_in_speech(decoder) != 0;
  }

  /** The best hypothesis of the utterance that just ended, segment by segment. */
  List<Segment> segments() {
    List<Segment> out = new ArrayList<>();
    Pointer logmath = ps.ps_get_logmath(decoder);
    IntByReference sf = new IntByReference();
    IntByReference ef = new IntByReference();
    IntByReference ascr = new IntByReference();
    for (Pointer seg = ps.ps_seg_iter(decoder); seg != null; seg = ps.ps_seg_next(seg)) {
      ps.ps_seg_frames(seg, sf, ef);
      int posterior = ps.ps_seg_prob(seg, ascr, null, null);
      out.add(new Segment(ps.ps_seg_word(seg), sf.getValue(), ef.getValue(), ascr.getValue(),
          Math.min(1, ps.logmath_exp(logmath, posterior))));
    }
    return out;
  }

  @Override
  public void close() {
    ps.ps_free(decoder);
    ps.cmd_ln_free_r(config);
  }
}
