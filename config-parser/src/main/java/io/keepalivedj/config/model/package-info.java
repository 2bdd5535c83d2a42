/**
 * The typed, immutable model of a keepalived.conf. Every field documents keepalived's default;
 * records validate their ranges, so a model built in code (through the builders) obeys the same
 * rules as one parsed from a file. Record component names are the camelCase of keepalived's
 * keyword, so the JSON dump (docs/config-json.md) reads like the file.
 */
package io.keepalivedj.config.model;
