package io.keepalivedj.examples.lab;

import java.util.concurrent.atomic.AtomicBoolean;

/**
 * {@code bin/lab seed}'s live part (after the static checks): see {@link SeedScenario}. Exit
 * status 0 when every act did what it should, 1 when a step failed (the message names it), 2
 * for a bad command line. Needs root: it creates network namespaces, and touches nothing outside
 * them. Ctrl-C removes the lab too (NetnsLab's shutdown hook ends its processes and namespaces).
 */
public final class SeedLab {
  private SeedLab() {}

  public static void main(String[] args) {
    SeedLabOptions options;
    try {
      options = SeedLabOptions.parse(args);
    } catch (IllegalArgumentException e) {
      System.err.println("bin/lab seed: " + e.getMessage());
      System.err.println(SeedLabOptions.USAGE);
      System.exit(2);
      return;
    }
    // The timeline already prints every attempt and transition; the checkers' own INFO lines on
    // stderr would say the same things again, out of step with it.
    if (System.getProperty("org.slf4j.simpleLogger.defaultLogLevel") == null) {
      System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
    }
    AtomicBoolean finished = new AtomicBoolean();
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      if (!finished.get()) {
        System.err.println("\nbin/lab seed: interrupted: removing the lab's processes and namespaces");
      }
    }, "seed-lab-interrupted"));
    int status;
    try {
      SeedScenario.run(options, System.out);
      status = 0;
    } catch (LabStepException e) {
      System.err.println("\nbin/lab seed: FAILED at step " + e.getMessage());
      status = 1;
    } catch (InterruptedException e) {
      System.err.println("\nbin/lab seed: interrupted");
      status = 130;
    } catch (Exception e) {
      System.err.println("\nbin/lab seed: FAILED: " + e);
      e.printStackTrace();
      status = 1;
    }
    finished.set(true);
    System.exit(status);
  }
}
