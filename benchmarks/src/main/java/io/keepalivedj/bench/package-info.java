/**
 * JMH benchmarks run by bin/bench; each prints its anchor (keepalived or ipvsadm measured in the same run, or an RFC bound) beside its own figure as a ratio.
 */
package io.keepalivedj.bench;
