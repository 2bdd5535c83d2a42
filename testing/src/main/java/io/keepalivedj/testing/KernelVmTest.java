package io.keepalivedj.testing;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Marks a test class (or method) of the kernel-vm tier: tagged {@code kernel-vm}, so only
 * {@code -Dkeepalivedj.tier.kernel-vm} runs it, and gated by {@link KernelVmTierExtension}: without
 * qemu, a Debian kernel with IPVS etc. it fails when CI=true and is skipped otherwise.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
@Tag("kernel-vm")
@ExtendWith(KernelVmTierExtension.class)
public @interface KernelVmTest {
}
