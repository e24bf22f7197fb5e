package org.cmtkiosk.listen;

import java.time.Duration;
import java.util.Arrays;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import javax.sound.sampled.AudioSystem;
import javax.sound.sampled.DataLine;
import javax.sound.sampled.LineUnavailableException;
import javax.sound.sampled.Mixer;
import javax.sound.sampled.TargetDataLine;

/**
 * A javax.sound microphone (default, or by part of its name, e.g. a USB microphone on the Pi), read on its own
 * thread into a bounded queue. A slow consumer loses audio (counted, logged once) instead of growing memory; a
 * missing or unplugged microphone is logged once and tried again every few seconds.
 */
public final class JavaSoundMic implements MicSource {
  /** 100 ms chunks. */
  private static final int CHUNK_BYTES = 3200;
  /** 5 s of audio at most waits for the recogniser. */
  private static final int QUEUE_CHUNKS = 50;
  private static final Duration RETRY = Duration.ofSeconds(5);

  private final String device;
  private final Consumer<String> log;
  private final BlockingQueue<Chunk> queue = new ArrayBlockingQueue<>(QUEUE_CHUNKS);
  private final AtomicLong dropped = new AtomicLong();
  private final Thread thread;
  private volatile boolean running = true;

  public JavaSoundMic(String device, Consumer<String> log) {
    this.device = device;
    this.log = log;
    this.thread = new Thread(this::capture, "microphone");
    this.thread.setDaemon(true);
    this.thread.start();
  }

  @Override
  public Chunk next(Duration timeout) throws InterruptedException {
    Chunk chunk = queue.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
    return chunk == null ? Chunk.NONE : chunk;
  }

  @Override
  public long dropped() {
    return dropped.get();
  }

  private void capture() {
    boolean reported = false;
    while (running) {
      try (TargetDataLine line = open()) {
        if (reported) {
          log.accept("Microphone is back; voice control is on again.");
          reported = false;
        }
        read(line);
      } catch (LineUnavailableException | RuntimeException e) {
        if (!reported) {
          log.accept("Microphone unavailable (" + e.getMessage() + "); voice control is paused and the button and "
              + "keys still work. Trying again every " + RETRY.toSeconds() + " s — check the USB microphone.");
          reported = true;
        }
        sleepQuietly(RETRY);
      }
    }
  }

  private void read(TargetDataLine line) {
    line.start();
    byte[] chunk = new byte[CHUNK_BYTES];
    while (running) {
      int n = line.read(chunk, 0, chunk.length);
      if (n <= 0) {
        throw new IllegalStateException("the microphone stopped delivering audio");
      }
      long bytesAgo = (long) line.available() + n;
      long captured = System.nanoTime() - Math.round(bytesAgo / 2 * 1e9 / FORMAT.getSampleRate());
      if (!queue.offer(new Chunk(Arrays.copyOf(chunk, n), captured)) && dropped.incrementAndGet() == 1) {
        log.accept("Voice recognition is falling behind; some microphone audio is being dropped (counted in 'bench').");
      }
    }
  }

  private TargetDataLine open() throws LineUnavailableException {
    DataLine.Info info = new DataLine.Info(TargetDataLine.class, FORMAT);
    Optional<Mixer.Info> mixer = device.isBlank() ? Optional.empty() : Arrays.stream(AudioSystem.getMixerInfo())
        .filter(m -> m.getName().toLowerCase().contains(device.toLowerCase()))
        .filter(m -> AudioSystem.getMixer(m).isLineSupported(info)).findFirst();
    if (!device.isBlank() && mixer.isEmpty()) {
      throw new IllegalArgumentException("no microphone named like '" + device + "' (voice.microphone)");
    }
    TargetDataLine line = mixer.isPresent() ? (TargetDataLine) AudioSystem.getMixer(mixer.get()).getLine(info)
        : (TargetDataLine) AudioSystem.getLine(info);
    line.open(FORMAT, CHUNK_BYTES * 4);
    return line;
  }

  private static void sleepQuietly(Duration d) {
    try {
      Thread.sleep(d.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public void close() {
    running = false;
    thread.interrupt();
  }
}
