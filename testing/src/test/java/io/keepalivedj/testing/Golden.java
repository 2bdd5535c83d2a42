package io.keepalivedj.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.util.List;

/** The captures under src/test/resources/golden (see its README: origin and how they were made). */
final class Golden {

    private Golden() {
    }

    /** The raw bytes of golden/NAME. */
    static byte[] bytes(String name) {
        try (InputStream in = Golden.class.getResourceAsStream("/golden/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no test resource golden/" + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every frame of golden/NAME, read strictly. */
    static List<CapturedFrame> frames(String name) {
        return PcapReader.parse(ByteBuffer.wrap(bytes(name)), true);
    }
}
