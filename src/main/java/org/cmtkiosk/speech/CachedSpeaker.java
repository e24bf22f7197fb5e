package org.cmtkiosk.speech;

import java.util.function.Supplier;
import org.cmtkiosk.pcm.Pcm;

/** Serves sentences from the cache and asks the real speaker (created on first need) only for missing ones. */
public final class CachedSpeaker implements Speaker {
  private final SpeechCache cache;
  private final Supplier<? extends Speaker> factory;
  private Speaker delegate;
  private int hits;
  private int misses;

  public CachedSpeaker(SpeechCache cache, Supplier<? extends Speaker> factory) {
    this.cache = cache;
    this.factory = factory;
  }

  @Override
  public synchronized Pcm speak(String sentence) throws SpeechException {
    var cached = cache.get(sentence);
    if (cached.isPresent()) {
      hits++;
      return cached.get();
    }
    misses++;
    if (delegate == null) {
      delegate = factory.get();
    }
    Pcm pcm = delegate.speak(sentence);
    cache.put(sentence, pcm);
    return pcm;
  }

  public SpeechCache cache() {
    return cache;
  }

  public synchronized int hits() {
    return hits;
  }

  public synchronized int misses() {
    return misses;
  }
}
