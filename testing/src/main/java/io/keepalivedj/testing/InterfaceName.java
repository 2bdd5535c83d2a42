package io.keepalivedj.testing;

/** Checks Linux interface names: IFNAMSIZ is 16 with the NUL, so at most 15 bytes (uapi/linux/if.h). */
final class InterfaceName {
    static final int MAX_LENGTH = 15;

    private InterfaceName() {
    }

    /** {@code name} if the kernel would accept it (dev_valid_name: no '/', ':', blanks; not "." or ".."). */
    static String check(String name) {
        if (name == null || name.isEmpty() || name.length() > MAX_LENGTH
                || !name.matches("[A-Za-z0-9_.-]+") || name.equals(".") || name.equals("..")) {
            throw new IllegalArgumentException("bad interface name (1.." + MAX_LENGTH
                    + " of [A-Za-z0-9_.-]): '" + name + "'");
        }
        return name;
    }
}
