package io.keepalivedj.config.model;

/**
 * An enum whose constants are written as keepalived keywords ({@code DR}, {@code rr},
 * {@code BACKUP}). The JSON dump writes {@link #keyword()}, so the dump reads like the file.
 */
public interface KeywordEnum {
  /** The constant as keepalived.conf spells it. */
  String keyword();
}
