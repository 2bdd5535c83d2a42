package io.keepalivedj.testing;

/** A file is not a pcap file this harness can read; the message names the byte offset and why. */
public final class PcapFormatException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final long offset;

    public PcapFormatException(long offset, String reason) {
        super("pcap at byte " + offset + ": " + reason);
        this.offset = offset;
    }

    /** Where in the file the problem is. */
    public long offset() {
        return offset;
    }
}
