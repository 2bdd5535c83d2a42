package io.keepalivedj.linux;

import jnr.ffi.LibraryLoader;
import jnr.ffi.Runtime;

/** Loads libc once, on first use (the holder idiom: no work at class-load of callers). */
final class LibCHolder {
  static final LibC LIBC = LibraryLoader.create(LibC.class).failImmediately().load("c");
  static final Runtime RUNTIME = Runtime.getRuntime(LIBC);

  private LibCHolder() {
  }
}
