/**
 * The keepalived.conf parser, compatible with keepalived 2.2's grammar (keepalived.conf(5); the
 * keyword tables registered by keepalived's parsers are the list of keywords).
 *
 * <p>Three stages, each with source positions kept: {@link io.keepalivedj.config.lex} turns files
 * into logical lines (comments, quoting, {@code include}, {@code @} conditionals, {@code $}
 * variables, {@code ~SEQ}/{@code ~LST}); {@link io.keepalivedj.config.tree} nests them into a
 * generic block tree that keeps unknown keywords; {@link io.keepalivedj.config.bind} binds that
 * tree to the immutable typed model in {@link io.keepalivedj.config.model}, filling keepalived's
 * defaults and reporting every problem as a {@link io.keepalivedj.config.Diagnostic}.
 *
 * <p>Entry point: {@link io.keepalivedj.config.ConfigParser}.
 */
package io.keepalivedj.config;
