/**
 * The generic block tree of a configuration: every line with its keyword, arguments, block and
 * source position, whether or not any binder knows the keyword.
 */
package io.keepalivedj.config.tree;
