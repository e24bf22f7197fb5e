package org.cmtkiosk.gpio;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Which board this is, from the device tree: decides the LED and button defaults. */
public final class Board {
  private static final Path MODEL = Path.of("/proc/device-tree/model");

  private Board() {}

  /** The board's model name, or empty when there is no device tree (a laptop or PC). */
  public static String model() {
    try {
      return Files.isReadable(MODEL) ? new String(Files.readAllBytes(MODEL), StandardCharsets.US_ASCII).strip()
          : "";
    } catch (IOException e) {
      return "";
    }
  }

  public static boolean isRaspberryPi() {
    return model().startsWith("Raspberry Pi");
  }

  public static boolean isPi5() {
    return model().contains("Raspberry Pi 5");
  }
}
