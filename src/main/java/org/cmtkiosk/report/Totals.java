package org.cmtkiosk.report;

/**
 * The whole period at a glance.
 *
 * @param leftOut sessions in the period from sources the report leaves out ({@code practice} runs)
 * @param soundTrouble sessions whose sound was lost for a while or ran dry (underruns)
 */
public record Totals(int sessions, int chosenCompleted, int interrupted, int groundingOffered, int calmRated,
    Double meanCalmChange, int daysWithSessions, int days, int leftOut, int soundTrouble) {

  /** Completed sessions as a whole percentage of all sessions, or null without sessions. */
  public Integer completionPercent() {
    return sessions == 0 ? null : (int) Math.round(100.0 * chosenCompleted / sessions);
  }
}
