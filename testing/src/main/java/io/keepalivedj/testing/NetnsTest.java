package io.keepalivedj.testing;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Marks a test class (or method) of the netns tier: tagged {@code netns}, so only
 * {@code -Dkeepalivedj.tier.netns} runs it, and gated by {@link NetnsTierExtension}: without root,
 * iproute2 etc. it fails when CI=true and is skipped otherwise, naming what is missing.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
@Tag("netns")
@ExtendWith(NetnsTierExtension.class)
public @interface NetnsTest {
}
