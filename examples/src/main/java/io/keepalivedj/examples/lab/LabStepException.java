package io.keepalivedj.examples.lab;

/** A step of the lab did not do what it should; the message says which step and what was seen. */
final class LabStepException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  LabStepException(String step, String what) {
    super(step + ": " + what);
  }

  LabStepException(String step, String what, Throwable cause) {
    super(step + ": " + what, cause);
  }
}
