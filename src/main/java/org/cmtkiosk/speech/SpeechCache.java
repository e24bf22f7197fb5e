package org.cmtkiosk.speech;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;
import org.cmtkiosk.pcm.Pcm;
import org.cmtkiosk.pcm.WavFiles;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Synthesised sentences on disk, one WAV file per (text, voice, prosody) key, written atomically. */
public final class SpeechCache {
  private static final Logger LOG = LoggerFactory.getLogger(SpeechCache.class);
  private final Path directory;
  private final String styleKey;
  private volatile boolean warnedWrite;
  private volatile boolean writeFailed;

  /** @param styleKey everything besides the text that changes the sound (voice, rate, pitch, level) */
  public SpeechCache(Path directory, String styleKey) {
    this.directory = directory;
    this.styleKey = styleKey;
  }

  public Path directory() {
    return directory;
  }

  /** The cached audio of {@code sentence}; a damaged entry is deleted and reported as absent. */
  public Optional<Pcm> get(String sentence) {
    Path file = fileOf(sentence);
    if (!Files.isRegularFile(file)) {
      return Optional.empty();
    }
    try {
      return Optional.of(WavFiles.read(file));
    } catch (IOException e) {
      LOG.warn("Speech cache entry {} is damaged ({}); it will be synthesised again", file, e.getMessage());
      deleteQuietly(file);
      return Optional.empty();
    }
  }

  /** The length of the cached audio of {@code sentence}, read from its WAV header. */
  public Optional<java.time.Duration> lengthOf(String sentence) {
    Path file = fileOf(sentence);
    if (!Files.isRegularFile(file)) {
      return Optional.empty();
    }
    try (var audio = javax.sound.sampled.AudioSystem.getAudioInputStream(file.toFile())) {
      return Optional.of(Pcm.timeOf(audio.getFrameLength()));
    } catch (IOException | javax.sound.sampled.UnsupportedAudioFileException e) {
      return Optional.empty();
    }
  }

  public boolean contains(String sentence) {
    return Files.isRegularFile(fileOf(sentence));
  }

  /**
   * Stores {@code pcm}; a failure (full disk, read-only) is logged once and otherwise ignored. Each write goes to its
   * own temporary file, moved into place atomically, so {@code prepare} and the running kiosk (or two threads) can
   * write the same entry at once and a reader only ever sees a whole file.
   */
  public void put(String sentence, Pcm pcm) {
    Path file = fileOf(sentence);
    Path tmp = null;
    try {
      Files.createDirectories(file.getParent());
      tmp = Files.createTempFile(file.getParent(), file.getFileName().toString(), ".tmp");
      readableByAll(tmp);
      WavFiles.write(pcm, tmp);
      try {
        Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
      }
    } catch (IOException e) {
      if (tmp != null) {
        deleteQuietly(tmp);
      }
      writeFailed = true;
      if (!warnedWrite) {
        LOG.warn("Cannot write the speech cache in {} ({}); speech still works but is synthesised each time — "
            + "check free disk space and that speech.cache_directory is writable", directory, e.getMessage());
        warnedWrite = true;
      }
    }
  }

  /** True once a write has failed (for tests: concurrent writers must never make one fail). */
  boolean writeFailed() {
    return writeFailed;
  }

  /** Keyed by the text as synthesised, so a changed pronunciation mapping is never hidden by an old entry. */
  Path fileOf(String sentence) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256")
          .digest((styleKey + "\n" + Pronunciations.forSynthesis(sentence)).getBytes(StandardCharsets.UTF_8));
      String hex = HexFormat.of().formatHex(digest);
      return directory.resolve(hex.substring(0, 2)).resolve(hex.substring(0, 32) + ".wav");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
    }
  }

  /** Temporary files are made 0600; an entry written by {@code prepare} must be readable by the service's user. */
  private static void readableByAll(Path p) throws IOException {
    if (Files.getFileStore(p).supportsFileAttributeView(PosixFileAttributeView.class)) {
      Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rw-r--r--"));
    }
  }

  private static void deleteQuietly(Path p) {
    try {
      Files.deleteIfExists(p);
    } catch (IOException ignored) {
      // Nothing more to do; the next write replaces it.
    }
  }
}
