package org.cmtkiosk.audio;

import com.sun.jna.LastErrorException;
import com.sun.jna.Library;
import com.sun.jna.Native;
import com.sun.jna.Platform;
import java.util.Optional;

/**
 * Puts the calling thread under the kernel's round-robin real-time scheduler, so the threads that feed the speaker
 * and the light run before any ordinary work on a busy machine (Java's own thread priorities do nothing on Linux).
 * The priority is low among real-time ones, under the kernel's interrupt threads. A service needs
 * {@code LimitRTPRIO=} in its unit (ours has it); run by hand, root or an rtprio limit.
 */
public final class RealTimePriority {
  /** sched_setscheduler's policy number for SCHED_RR (Linux). */
  static final int SCHED_RR = 2;
  /** Real-time priorities run 1–99; interrupt threads sit at 50. */
  public static final int PRIORITY = 10;
  private static final int EPERM = 1;

  private RealTimePriority() {}

  private interface CLibrary extends Library {
    int sched_setscheduler(int pid, int policy, int[] param) throws LastErrorException;
  }

  private static final class C {
    static final CLibrary LIB = Native.load("c", CLibrary.class);
  }

  /** Raises the calling thread: empty when done, else why not, in a few words. */
  public static Optional<String> raiseCallingThread() {
    if (!Platform.isLinux()) {
      return Optional.of("real-time scheduling is only asked for on Linux");
    }
    try {
      C.LIB.sched_setscheduler(0, SCHED_RR, new int[] {PRIORITY});
      return Optional.empty();
    } catch (LastErrorException e) {
      return Optional.of(e.getErrorCode() == EPERM
          ? "not permitted: the service's unit allows it with LimitRTPRIO=" + PRIORITY + "; run by hand it needs "
              + "root or an rtprio limit of " + PRIORITY
          : "sched_setscheduler failed with error " + e.getErrorCode());
    } catch (UnsatisfiedLinkError | NoClassDefFoundError | RuntimeException e) {
      return Optional.of("the C library could not be reached (" + e.getMessage() + ")");
    }
  }
}
