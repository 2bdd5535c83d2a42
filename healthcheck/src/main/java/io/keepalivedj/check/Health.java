package io.keepalivedj.check;

/** A target's health as keepalived's checker process sees it. */
public enum Health {
    UP,
    DOWN
}
