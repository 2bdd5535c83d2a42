package io.keepalivedj.check;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Objects;

/**
 * SMTP_CHECK of keepalived.conf(5): connect, read the 220 greeting, {@code HELO helo_name},
 * read 250, {@code QUIT}.
 *
 * @param heloName {@code helo_name}: "Optional string to use for the SMTP HELO request"; when
 *                 unset keepalived uses global_defs {@code smtp_helo_name}, whose default is
 *                 "local host name" ({@link #localHostName()})
 */
public record SmtpCheck(CheckTarget target, CheckOptions options, String heloName) implements CheckSpec {

    public SmtpCheck {
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(options, "options");
        Objects.requireNonNull(heloName, "heloName");
        if (heloName.isEmpty() || heloName.chars().anyMatch(c -> c < ' ' || c == 0x7f)) {
            throw new IllegalArgumentException("helo_name must be non-empty without control characters: '" + heloName + "'");
        }
        if (target.connectAddress().getPort() == 0) {
            throw new IllegalArgumentException("SMTP_CHECK needs a real server port or connect_port: " + target);
        }
    }

    /** SMTP_CHECK with keepalived's defaults and the given HELO name. */
    public static SmtpCheck of(CheckTarget target, String heloName) {
        return new SmtpCheck(target, CheckOptions.defaults(CheckType.SMTP_CHECK), heloName);
    }

    public SmtpCheck withOptions(CheckOptions value) {
        return new SmtpCheck(target, value, heloName);
    }

    /** smtp_helo_name's default, "local host name" (keepalived.conf(5) global_defs). */
    public static String localHostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "localhost";
        }
    }

    @Override
    public CheckType type() {
        return CheckType.SMTP_CHECK;
    }
}
