package org.cmtkiosk.speech;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import javax.xml.parsers.DocumentBuilderFactory;
import marytts.LocalMaryInterface;
import marytts.exceptions.MaryConfigurationException;
import marytts.exceptions.SynthesisException;
import org.cmtkiosk.pcm.Fades;
import org.cmtkiosk.pcm.Levels;
import org.cmtkiosk.pcm.Pcm;
import org.cmtkiosk.pcm.Resampling;
import org.w3c.dom.Document;

/**
 * Speech from MaryTTS' local (in-process) interface, slowed and paused for calm guidance with SSML, resampled to the
 * timeline rate and normalised. MaryTTS starts on the first sentence, at most once per speaker.
 */
public final class MarySpeaker implements Speaker {
  /** Speech peaks stay below this, leaving room for the tone under it (−1 dBFS is the product ceiling). */
  static final double PEAK_CEILING_DBFS = -1.5;
  private static final double SILENCE_DBFS = -50;

  private final SpeechSettings settings;
  private LocalMaryInterface mary;
  private Duration startupTime = Duration.ZERO;

  public MarySpeaker(SpeechSettings settings) {
    this.settings = settings;
  }

  @Override
  public synchronized Pcm speak(String sentence) throws SpeechException {
    start();
    try {
      AudioInputStream audio = mary.generateAudio(ssml(Pronunciations.forSynthesis(sentence)));
      float[] raw = toFloats(audio);
      float[] samples = Resampling.toTimelineRate(raw, audio.getFormat().getSampleRate());
      return new Pcm(normalise(trim(samples)));
    } catch (SynthesisException | IOException e) {
      throw new SpeechException("MaryTTS could not speak \"" + sentence + "\": " + e.getMessage(), e);
    }
  }

  /**
   * The words of {@code text} that MaryTTS does not find in its lexicon and so pronounces by letter-to-sound rules,
   * each with the phonemes it guessed: the ones to listen to (and rephrase if mangled).
   */
  public synchronized java.util.SortedMap<String, String> guessedWords(String text) throws SpeechException {
    start();
    java.util.SortedMap<String, String> guessed = new java.util.TreeMap<>();
    try {
      mary.setInputType("TEXT");
      mary.setOutputType("ALLOPHONES");
      org.w3c.dom.NodeList tokens = mary.generateXML(Pronunciations.forSynthesis(text)).getElementsByTagName("t");
      for (int i = 0; i < tokens.getLength(); i++) {
        org.w3c.dom.Element t = (org.w3c.dom.Element) tokens.item(i);
        String method = t.getAttribute("g2p_method");
        if (!method.isEmpty() && !method.equals("lexicon")) {
          guessed.put(t.getTextContent().strip().toLowerCase(Locale.ROOT), t.getAttribute("ph"));
        }
      }
      return guessed;
    } catch (SynthesisException e) {
      throw new SpeechException("MaryTTS could not analyse the text: " + e.getMessage(), e);
    } finally {
      mary.setInputType("SSML");
      mary.setOutputType("AUDIO");
    }
  }

  /** How long MaryTTS took to start, or zero if it has not been needed. */
  public synchronized Duration startupTime() {
    return startupTime;
  }

  private void start() throws SpeechException {
    if (mary != null) {
      return;
    }
    long t0 = System.nanoTime();
    try {
      LocalMaryInterface m = new LocalMaryInterface();
      if (!m.getAvailableVoices().contains(settings.voice())) {
        throw new SpeechException("the MaryTTS voice '" + settings.voice() + "' is not installed (available: "
            + m.getAvailableVoices() + ") — set speech.voice in the config to one of them", null);
      }
      m.setVoice(settings.voice());
      m.setLocale(Locale.US);
      m.setInputType("SSML");
      mary = m;
    } catch (MaryConfigurationException e) {
      throw new SpeechException("MaryTTS failed to start: " + e.getMessage()
          + " — check that the marytts jars are in lib/ beside cmt-kiosk.jar", e);
    }
    startupTime = Duration.ofNanos(System.nanoTime() - t0);
  }

  /** SSML for one sentence: slower rate, slightly lower pitch, a short break after each comma-like mark. */
  Document ssml(String sentence) throws SpeechException {
    String body = escape(sentence)
        .replaceAll("([,;:])\\s+", "$1<break time=\"" + settings.commaPause().toMillis() + "ms\"/> ")
        .replaceAll("\\s+[—–-]\\s+", " <break time=\"" + settings.commaPause().toMillis() + "ms\"/> ");
    String xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
        + "<speak version=\"1.0\" xmlns=\"http://www.w3.org/2001/10/synthesis\" xml:lang=\"en-US\">"
        + "<prosody rate=\"" + signed(settings.ratePercent()) + "%\" pitch=\"" + signed(settings.pitchPercent())
        + "%\">" + body + "</prosody></speak>";
    try {
      DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
      factory.setNamespaceAware(true);
      return factory.newDocumentBuilder().parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
    } catch (Exception e) {
      throw new SpeechException("could not build SSML for \"" + sentence + "\"", e);
    }
  }

  private static String signed(int percent) {
    return percent >= 0 ? "+" + percent : String.valueOf(percent);
  }

  private static String escape(String text) {
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
  }

  private static float[] toFloats(AudioInputStream audio) throws IOException {
    AudioFormat f = audio.getFormat();
    if (f.getSampleSizeInBits() != 16 || f.getChannels() != 1 || f.getEncoding() != AudioFormat.Encoding.PCM_SIGNED) {
      throw new IOException("unexpected MaryTTS audio format " + f);
    }
    byte[] bytes = readFully(audio);
    float[] out = new float[bytes.length / 2];
    for (int i = 0; i < out.length; i++) {
      int lo = bytes[2 * i] & 0xff;
      int hi = bytes[2 * i + 1];
      out[i] = (f.isBigEndian() ? (short) ((lo << 8) | (hi & 0xff)) : (short) ((hi << 8) | lo)) / 32768f;
    }
    return out;
  }

  /** MaryTTS' streams return 0 between their parts, which ends {@code readAllBytes} early; read to -1. */
  private static byte[] readFully(AudioInputStream audio) throws IOException {
    java.io.ByteArrayOutputStream all = new java.io.ByteArrayOutputStream();
    byte[] buffer = new byte[16384];
    int n;
    while ((n = audio.read(buffer)) >= 0) {
      all.write(buffer, 0, n);
    }
    return all.toByteArray();
  }

  /** Cuts MaryTTS' leading and trailing silence (the script's pauses decide the pacing), with 10 ms fades. */
  static float[] trim(float[] s) {
    double threshold = Levels.toGain(SILENCE_DBFS);
    int from = 0;
    while (from < s.length && Math.abs(s[from]) < threshold) {
      from++;
    }
    int to = s.length;
    while (to > from && Math.abs(s[to - 1]) < threshold) {
      to--;
    }
    int margin = Pcm.RATE_HZ / 50;
    float[] out = java.util.Arrays.copyOfRange(s, Math.max(0, from - margin), Math.min(s.length, to + margin));
    Fades.fadeEdges(out, Pcm.RATE_HZ / 100);
    return out;
  }

  private float[] normalise(float[] s) {
    double active = Levels.activeRms(s);
    double peak = Levels.peak(s, 0, s.length);
    if (active <= 0 || peak <= 0) {
      return s;
    }
    double gain = Math.min(Levels.toGain(settings.levelDbfs()) / active, Levels.toGain(PEAK_CEILING_DBFS) / peak);
    Levels.scale(s, gain);
    return s;
  }
}
