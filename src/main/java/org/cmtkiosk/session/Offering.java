package org.cmtkiosk.session;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.cmtkiosk.practice.Intensity;
import org.cmtkiosk.practice.Practice;

/**
 * The practices a kiosk offers, chosen by the site's {@code offer} settings: by default only gentle practices written
 * for under 10 minutes; evocative and longer ones only when a clinician enables them.
 *
 * @param practices in the order they are read out, the default first
 * @param notes one line for each practice the site listed that is not offered, saying why and what to change
 */
public record Offering(List<Practice> practices, List<String> notes) {
  /** Practices that are never in the menu: the welcome is played by itself, grounding is the safety landing. */
  public static final Set<String> NOT_IN_MENU = Set.of("welcome", "grounding");

  public Offering {
    practices = List.copyOf(practices);
    notes = List.copyOf(notes);
  }

  /** Applies {@code offer} to every valid practice of the library. */
  public static Offering of(List<Practice> library, KioskSettings.Offer offer) {
    List<String> notes = new ArrayList<>();
    List<Practice> chosen = new ArrayList<>();
    if (offer.practices().isEmpty()) {
      library.stream().filter(p -> !NOT_IN_MENU.contains(p.id()) && why(p, offer).isEmpty()).forEach(chosen::add);
      chosen.sort(Comparator.comparing((Practice p) -> !p.id().equals(offer.defaultPractice())));
    } else {
      for (String id : offer.practices()) {
        Optional<Practice> p = library.stream().filter(x -> x.id().equals(id)).findFirst();
        Optional<String> why = p.flatMap(x -> why(x, offer));
        if (p.isEmpty()) {
          notes.add("offer.practices lists '" + id + "', but there is no valid practice with that id — check the "
              + "spelling, or run 'validate' to see why its file was not loaded");
        } else if (why.isPresent()) {
          notes.add("offer.practices lists '" + id + "', but " + why.get());
        } else {
          chosen.add(p.get());
        }
      }
    }
    return new Offering(chosen, notes);
  }

  /** Why the rules keep {@code p} out of the offer, with the setting that would let it in. */
  private static Optional<String> why(Practice p, KioskSettings.Offer offer) {
    if (p.intensity() == Intensity.EVOCATIVE && !offer.evocative()) {
      return Optional.of("it is evocative and offer.evocative is false — it is not offered; set offer.evocative: "
          + "true to offer evocative practices");
    }
    if (p.target().compareTo(offer.shorterThan()) >= 0) {
      return Optional.of("it is written for " + minutes(p) + " and offer.shorter_than is " + minutes(offer
          .shorterThan()) + " — it is not offered; raise offer.shorter_than to offer it");
    }
    return Optional.empty();
  }

  private static String minutes(Practice p) {
    return minutes(p.target());
  }

  private static String minutes(java.time.Duration d) {
    long s = d.toSeconds();
    return s % 60 == 0 ? s / 60 + "m" : s / 60 + "m " + s % 60 + "s";
  }

  /** The offered practices that are gentle: what "something gentle" after a grounding chooses from. */
  public List<Practice> gentle() {
    return practices.stream().filter(p -> p.intensity() == Intensity.GENTLE).toList();
  }
}
