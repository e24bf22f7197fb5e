package org.cmtkiosk.practice;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * A guided practice as loaded from {@code scripts/ID.yaml}.
 *
 * @param spokenName what a person says to choose it, e.g. "breathing"
 * @param target the length the script is written for
 * @param version a short hash of the script file, recorded in the journal
 */
public record Practice(String id, String title, String spokenName, Duration target, String description,
    Intensity intensity, boolean usesPacer, String concept, List<Step> steps, Path source, String version) {

  public Practice {
    steps = List.copyOf(steps);
  }
}
