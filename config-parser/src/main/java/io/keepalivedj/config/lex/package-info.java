/**
 * Reading keepalived.conf text into a {@link io.keepalivedj.config.tree.ConfigTree}, following
 * keepalived.conf(5) and the line handling of keepalived's lib/parser.c (2.2.7, with the 2.4.0
 * additions {@code ${_ENV}} and "line too long"): includes with globs and braces, {@code @id}
 * conditionals, {@code $NAME} definitions, {@code ~SEQ}/{@code ~LST}, comments, quoting and
 * braces. Every token keeps the file, line and column it was written at.
 *
 * <p>Entry point: {@link io.keepalivedj.config.lex.ConfigReader}.
 */
package io.keepalivedj.config.lex;
