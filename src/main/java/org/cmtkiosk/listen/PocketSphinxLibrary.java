package org.cmtkiosk.listen;

import com.sun.jna.Library;
import com.sun.jna.NativeLong;
import com.sun.jna.Pointer;
import com.sun.jna.ptr.IntByReference;

/**
 * The C API of the PocketSphinx the OS ships ({@code libpocketsphinx.so.3} with {@code libsphinxbase.so.3}:
 * Debian 12 and Raspberry Pi OS package 0.8+5prealpha), written from its documented {@code ps_*} and
 * {@code cmd_ln_*} functions as the installed library exports them (no headers are installed). The sphinxbase
 * functions resolve through libpocketsphinx's own dependency on libsphinxbase.
 */
interface PocketSphinxLibrary extends Library {
  /** The argument definitions the decoder takes ({@code arg_t const *}). */
  Pointer ps_args();

  /** Parses {@code argv} (name, value, name, value ...) into a new config ({@code cmd_ln_t *}), or NULL. */
  Pointer cmd_ln_parse_r(Pointer inoutConfig, Pointer definitions, int argc, String[] argv, int strict);

  int cmd_ln_free_r(Pointer config);

  /** A decoder for the config, or NULL (it logs why). */
  Pointer ps_init(Pointer config);

  int ps_free(Pointer decoder);

  /** The pronunciation of {@code word} ("S T AA P"), or NULL when it is not in the dictionary. */
  Pointer ps_lookup_word(Pointer decoder, String word);

  int ps_add_word(Pointer decoder, String word, String phones, int update);

  int ps_set_jsgf_string(Pointer decoder, String name, String jsgf);

  /** A phone-loop search with the phonetic language model in {@code path} ({@code en-us-phone.lm.bin}). */
  int ps_set_allphone_file(Pointer decoder, String name, String path);

  int ps_set_search(Pointer decoder, String name);

  /** Restarts the stream clock: segment frames count from here. */
  int ps_start_stream(Pointer decoder);

  int ps_start_utt(Pointer decoder);

  int ps_process_raw(Pointer decoder, short[] samples, NativeLong count, int noSearch, int fullUtterance);

  int ps_end_utt(Pointer decoder);

  /** 1 while the voice activity detector hears speech. */
  byte ps_get_in_speech(Pointer decoder);

  String ps_get_hyp(Pointer decoder, IntByReference bestScore);

  /** An iterator over the words of the best hypothesis, or NULL; {@link #ps_seg_next} frees it at the end. */
  Pointer ps_seg_iter(Pointer decoder);

  Pointer ps_seg_next(Pointer segment);

  String ps_seg_word(Pointer segment);

  /** First and last frame of the word, counted from the start of the stream (100 frames a second). */
  void ps_seg_frames(Pointer segment, IntByReference startFrame, IntByReference endFrame);

  /** The word's posterior probability (log, see {@link #logmath_exp}). */
  int ps_seg_prob(Pointer segment, IntByReference acoustic, IntByReference language, IntByReference backoff);

  void ps_seg_free(Pointer segment);

  Pointer ps_get_logmath(Pointer decoder);

  double logmath_exp(Pointer logmath, int logValue);
}
